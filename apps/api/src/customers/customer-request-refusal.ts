import type { FieldError } from '@marea/domain/ingestion';

export type CustomerRefusalCode =
  | 'INVALID_CUSTOMER_ID'
  | 'CUSTOMER_NOT_FOUND'
  | 'CUSTOMER_MERGED'
  | 'INVALID_QUERY'
  | 'INVALID_CUSTOMER_EDIT'
  | 'INVALID_MERGE';

const STATUS: Record<CustomerRefusalCode, 308 | 400 | 404> = {
  INVALID_CUSTOMER_ID: 400,
  CUSTOMER_NOT_FOUND: 404,
  // A profile merged into another: the same request on the survivor (Location).
  CUSTOMER_MERGED: 308,
  INVALID_QUERY: 400,
  INVALID_CUSTOMER_EDIT: 400,
  INVALID_MERGE: 400,
};

/** A customer request the client must change; CustomerRefusalFilter answers it with the API's error body. */
export class CustomerRefusal extends Error {
  readonly status: 308 | 400 | 404;

  constructor(
    readonly code: CustomerRefusalCode,
    message: string,
    readonly details: FieldError[] = [],
    /** For CUSTOMER_MERGED: the survivor's id, which replaces the merged one in the request's path. */
    readonly survivorId?: string,
  ) {
    super(message);
    this.name = 'CustomerRefusal';
    this.status = STATUS[code];
  }
}
