const DAY_MS = 86_400_000;

/**
 * Month (0–11) and day of month of an instant in UTC, by Hinnant's days-to-civil arithmetic:
 * the generator asks this for every order, and `new Date()` per call showed in profiles.
 */
export function utcMonthDay(ms: number): { month: number; day: number } {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  return {
    month: shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

export function utcMonth(ms: number): number {
  return utcMonthDay(ms).month;
}
