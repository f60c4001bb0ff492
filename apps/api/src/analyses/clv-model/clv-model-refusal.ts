import type { ZodError } from 'zod';

export type ClvModelRefusalCode =
  | 'INVALID_CLV_MODEL_FIT'
  | 'INVALID_CLV_MODEL_FIT_ID'
  | 'CLV_MODEL_FIT_RUNNING'
  | 'NO_CLV_MODEL'
  | 'CLV_MODEL_FIT_NOT_FOUND'
  | 'INVALID_RFM_TRANSITIONS_QUERY'
  | 'INVALID_CUSTOMER_ID'
  | 'CUSTOMER_NOT_FOUND'
  | 'ANALYSES_REFRESH_RUNNING';

/**
 * Why a request about the CLV model, the RFM history or the analyses refresh cannot be answered;
 * ClvModelRefusalFilter turns it into the API's error body.
 */
export class ClvModelRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: ClvModelRefusalCode,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'ClvModelRefusal';
  }

  /** A 400 naming every wrong field of `error`, e.g. "The query is wrong: to must not be before from (2026-11-02)." */
  static invalid(code: ClvModelRefusalCode, what: string, error: ZodError): ClvModelRefusal {
    const details = error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
    const summary = details.map(({ field, message }) => `${field} ${message}`).join('; ');
    return new ClvModelRefusal(400, code, `${what} is wrong: ${summary}.`, details);
  }
}
