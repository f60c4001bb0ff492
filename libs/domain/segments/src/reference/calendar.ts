/**
 * Calendar days for the reference evaluator, computed with the JavaScript Intl time-zone data
 * (independently of PostgreSQL's): a day is `YYYY-MM-DD`.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dayIn(instant: string, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The month of a day, `YYYY-MM`. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month before the month of a day. */
export function previousMonth(day: string): string {
  return monthOf(addDays(`${monthOf(day)}-01`, -1));
}

/** 12-02 → 1202: a day of the year, ignoring the year. */
export function dayOfYear(day: string): number {
  return Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}
