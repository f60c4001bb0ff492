/** Why a metrics request cannot be answered; the filter turns it into the API's error body. */
export class CustomerMetricsRefusal extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: 'INVALID_CUSTOMER_ID' | 'CUSTOMER_NOT_FOUND',
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'CustomerMetricsRefusal';
  }
}
