import { DateTime } from 'luxon';
import { atClockTime, minutesOfDay, parseClockTime, type ClockTime } from './clock-time';
import { inZone } from './time-zone';

export type SendTiming =
  | { readonly kind: 'now' }
  | { readonly kind: 'defer'; readonly until: Date }
  | { readonly kind: 'drop'; readonly reason: 'quiet-hours' };

export interface QuietHoursWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * Quiet hours, e.g. '21:00'–'08:00', in the customer's IANA time zone. The window may cross
 * midnight; start equal to end means no quiet hours. With the policy 'defer' the send waits
 * for the window's end (the first local instant at or after it, so a DST gap does not lose it).
 */
export function quietHoursTiming(
  now: Date,
  timeZone: string,
  window: QuietHoursWindow | null,
  policy: 'defer' | 'drop',
): SendTiming {
  if (!window) return { kind: 'now' };
  const start = parseClockTime(window.start);
  const end = parseClockTime(window.end);
  const local = inZone(now, timeZone);
  if (!isQuiet(local, start, end)) return { kind: 'now' };
  if (policy === 'drop') return { kind: 'drop', reason: 'quiet-hours' };
  return { kind: 'defer', until: windowEnd(local, end).toJSDate() };
}

function isQuiet(local: DateTime, start: ClockTime, end: ClockTime): boolean {
  const minute = local.hour * 60 + local.minute;
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The next occurrence of `end` after `local`: today if still ahead, otherwise tomorrow. */
function windowEnd(local: DateTime, end: ClockTime): DateTime {
  const today = atClockTime(local, end);
  return today > local ? today : atClockTime(local.plus({ days: 1 }), end);
}
