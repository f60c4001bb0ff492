import { DateTime } from 'luxon';

/**
 * Whether `today` (a calendar day in the customer's zone) is `daysBefore` days before the
 * yearly return of `date` (a birthday, a first-order date …), ignoring the year. A 29 February
 * is celebrated on 28 February in years without one. Works across New Year: 30 December is
 * 3 days before a 2 January birthday.
 */
export function isAnniversaryInDays(date: string, daysBefore: number, today: string): boolean {
  const anniversary = readCalendarDay(date, 'date');
  const target = readCalendarDay(today, 'today').plus({ days: daysBefore });
  return sameDay(yearlyReturn(anniversary, target.year), target);
}

function yearlyReturn(anniversary: DateTime, year: number): DateTime {
  const inYear = DateTime.utc(year, anniversary.month, 1);
  // 29 February in a common year: luxon would roll to 1 March; the 28th keeps the month.
  return inYear.set({ day: Math.min(anniversary.day, inYear.daysInMonth ?? anniversary.day) });
}

function sameDay(a: DateTime, b: DateTime): boolean {
  return a.month === b.month && a.day === b.day;
}

function readCalendarDay(text: string, name: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: 'utc' }) : null;
  if (!day?.isValid) throw new Error(`${name} "${text}" is not a calendar day (YYYY-MM-DD)`);
  return day;
}
