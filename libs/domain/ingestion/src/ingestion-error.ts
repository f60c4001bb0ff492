import type { FieldError } from './field-path';

/**
 * A request the integrator must change, as opposed to a system fault. The code is stable for
 * clients to branch on; the API maps each code to its HTTP status.
 */
export type IngestionErrorCode = 'INVALID_ACCOUNT' | 'ACCOUNT_CURRENCY_LOCKED';

export class IngestionError extends Error {
  constructor(
    readonly code: IngestionErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'IngestionError';
  }
}
