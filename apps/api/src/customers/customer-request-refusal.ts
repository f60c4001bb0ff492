import type { FieldError } from '@marea/domain/ingestion';

export type CustomerRefusalCode = 'INVALID_CUSTOMER_ID' | 'CUSTOMER_NOT_FOUND' | 'INVALID_QUERY' | 'INVALID_CUSTOMER_EDIT';

const STATUS: Record<CustomerRefusalCode, 400 | 404> = {
  INVALID_CUSTOMER_ID: 400,
  CUSTOMER_NOT_FOUND: 404,
  INVALID_QUERY: 400,
  INVALID_CUSTOMER_EDIT: 400,
};

/** A customer request the client must change; CustomerRefusalFilter answers it with the API's error body. */
export class CustomerRefusal extends Error {
  readonly status: 400 | 404;

  constructor(
    readonly code: CustomerRefusalCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'CustomerRefusal';
    this.status = STATUS[code];
  }
}
