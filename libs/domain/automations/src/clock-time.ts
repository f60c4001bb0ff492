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
 * `day` at the wall-clock `time` in its zone. When the time does not exist that day (the hour
 * skipped by a DST change) luxon moves it forward by the gap, which is the first instant the
 * clock shows a later time: the right moment to resume sending.
 */
export function atClockTime(day: DateTime, time: ClockTime): DateTime {
  return day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
}
