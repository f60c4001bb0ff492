import type { DateTime } from 'luxon';

/** A wall-clock time 'HH:mm' (24 h), as written in quiet-hours windows and time-of-day delays. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads 'HH:mm'; anything else is a programming error upstream (contracts validate user input). */
export function parseClockTime(text: string): ClockTime {
  const match = HH_MM.exec(text);
  if (!match) throw new Error(`"${text}" is not a time of day: expected HH:mm between 00:00 and 23:59`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function minutesOfDay(time: ClockTime): number {
  return time.hour * 60 + time.minute;
}

/**
 * The next time a clock in `local`'s zone shows `time`: today if still ahead, otherwise
 * tomorrow. A time that does not exist that day (skipped by a DST change) resolves, as luxon
 * does, to the same wall-clock time shifted by the gap: the first instant after it, which is the
 * right moment to resume sending.
 */
export function nextClockTime(local: DateTime, time: ClockTime): DateTime {
  const today = atClockTime(local, time);
  return today > local ? today : atClockTime(local.plus({ days: 1 }), time);
}

function atClockTime(day: DateTime, time: ClockTime): DateTime {
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
}
