import { DateTime } from 'luxon';
import { minutesOfDay, nextClockTime, parseClockTime, type ClockTime } from './clock-time';
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
 * for the window's next end in local time, so the night is an hour shorter or longer when the
 * clocks change.
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
  return { kind: 'defer', until: nextClockTime(local, end).toJSDate() };
}

function isQuiet(local: DateTime, start: ClockTime, end: ClockTime): boolean {
  const minute = minutesOfDay(local);
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}
