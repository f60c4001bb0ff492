/** Why an analyses request cannot be answered; AnalysesRefusalFilter turns it into the API's error body. */
export class AnalysesRefusal extends Error {
  constructor(
    readonly status: 400,
    readonly code: 'INVALID_CLV_STATE_LIMITS',
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'AnalysesRefusal';
  }
}
