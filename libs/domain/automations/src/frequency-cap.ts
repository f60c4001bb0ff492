export interface FrequencyCap {
  /** At most `max` marketing messages on one channel … */
  readonly max: number;
  /** … in the last `days` days. */
  readonly days: number;
}

/**
 * Global frequency cap per channel: `sentInWindow` marketing sends already counted in the last
 * `days`. Transactional messages (an order confirmation, a password reset) always pass and are
 * not meant to be counted by the caller either.
 */
export function frequencyCapAllows(cap: FrequencyCap | null, sentInWindow: number, transactional: boolean): boolean {
  if (transactional || !cap) return true;
  return sentInWindow < cap.max;
}
