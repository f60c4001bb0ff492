import type { AccessRefusalCode } from '../access/access-refusal-code';

/** Codes of requests the API refuses before any business rule runs; clients can branch on them. */
export type RequestRefusalCode =
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_BODY'
  | 'INVALID_BATCH'
  | 'BATCH_TOO_LARGE'
  | AccessRefusalCode;

/**
 * A request the client must change (malformed body, wrong envelope, too large), raised by the
 * HTTP layer itself; ApiExceptionFilter answers it as is.
 */
export class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestRefusalCode,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'RequestRefusal';
  }
}
