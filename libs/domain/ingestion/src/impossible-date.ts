const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Explains why a well-written date does not exist ("2025-02-30": February 2025 has 28 days), so
 * an integrator sees the real mistake rather than "wrong format". Undefined when the text is not
 * shaped like a date or the date exists.
 */
export function describeImpossibleDate(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!match) return undefined;
  const [, y, m, d, hh, mm, ss] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) return `${text} is not a real date: there is no month ${m}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return `${text} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
    return `${text} is not a real time of day: hours go to 23, minutes and seconds to 59`;
  }
  return undefined;
}
