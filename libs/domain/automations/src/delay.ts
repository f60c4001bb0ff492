import { DateTime } from 'luxon';
import { nextClockTime, parseClockTime } from './clock-time';
import { inZone } from './time-zone';

/** Delays: a duration, until a time of day in the customer's zone, until a date attribute (+ offset). */
export type DelaySpec =
  | { readonly kind: 'duration'; readonly minutes: number }
  | { readonly kind: 'time-of-day'; readonly time: string /* 'HH:mm' */ }
  | { readonly kind: 'until-date'; readonly field: string; readonly offsetDays: number };

/**
 * When a delay step ends.
 * - duration: `now` + minutes (elapsed time, unaffected by DST);
 * - time-of-day: the next occurrence of that wall-clock time in the customer's zone, today if
 *   still ahead (a time skipped by DST resolves to the first instant after the gap);
 * - until-date: the date held in `customerDates[field]` plus `offsetDays` calendar days, at the
 *   start of that day in the customer's zone (a full timestamp keeps its time). A date already
 *   past yields a past instant: the step ends at once.
 * Returns null when the field is empty or not a date: the engine skips the step.
 */
export function delayUntil(
  spec: DelaySpec,
  now: Date,
  timeZone: string,
  customerDates: Record<string, string | null>,
): Date | null {
  switch (spec.kind) {
    case 'duration':
      return new Date(now.getTime() + spec.minutes * 60_000);
    case 'time-of-day':
      return nextClockTime(inZone(now, timeZone), parseClockTime(spec.time)).toJSDate();
    case 'until-date': {
      const value = customerDates[spec.field];
      if (!value) return null;
      const date = readCustomerDate(value, timeZone);
      return date ? date.plus({ days: spec.offsetDays }).toJSDate() : null;
    }
  }
}

/** 'YYYY-MM-DD' is a calendar day in the customer's zone; an ISO timestamp is an instant. */
function readCustomerDate(value: string, timeZone: string): DateTime | null {
  const parsed = DateTime.fromISO(value.trim(), { zone: timeZone, setZone: false });
  if (!parsed.isValid) return null;
  return parsed.setZone(timeZone);
}
