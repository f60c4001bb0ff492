/** What went wrong with a segment request, as a code a client can branch on. */
export type SegmentErrorCode =
  | 'INVALID_SEGMENT'
  | 'SEGMENT_NOT_FOUND'
  | 'SEGMENT_CODE_TAKEN'
  | 'SEGMENT_LOCKED'
  | 'SEGMENT_IN_USE'
  | 'PREVIEW_TIMEOUT';

/** A user mistake about segments (never a system fault); the API maps the code to an HTTP status. */
export class SegmentError extends Error {
  constructor(
    readonly code: SegmentErrorCode,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'SegmentError';
  }
}
