import type { FieldError } from '@marea/domain/ingestion';

/**
 * An action that can never succeed as configured (a field that does not exist, a value of the
 * wrong type, a customer that is gone): the engine records it as failed and does not retry it.
 */
export class CustomerActionRejected extends Error {
  constructor(
    message: string,
    readonly problems: readonly FieldError[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}` : message);
    this.name = 'CustomerActionRejected';
  }
}
