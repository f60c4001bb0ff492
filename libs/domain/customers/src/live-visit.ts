import { LIVE_VISIT_MINUTES } from '@marea/contracts';

const LIVE_WINDOW_MS = LIVE_VISIT_MINUTES * 60_000;

/**
 * A web visit is live while its newest event is less than LIVE_VISIT_MINUTES old: the usual
 * session timeout of web analytics, so a visit ends when the shopper has been idle that long.
 */
export function isVisitLive(lastEventAt: Date, now: Date): boolean {
  const age = now.getTime() - lastEventAt.getTime();
  return age < LIVE_WINDOW_MS && age > -LIVE_WINDOW_MS;
}

/** The oldest last-event time that still makes a visit live at `now` (for SQL). */
export function liveSince(now: Date): Date {
  return new Date(now.getTime() - LIVE_WINDOW_MS);
}
