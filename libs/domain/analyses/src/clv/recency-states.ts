/** Where a customer is in their life with the shop, by days since their last order. */
export type RecencyState = 'active' | 'inactive' | 'hibernating' | 'lost';

export const RECENCY_STATES: readonly RecencyState[] = ['active', 'inactive', 'hibernating', 'lost'];

/**
 * Upper limits in days, each state's range starting where the previous one ends:
 * active [0, activeDays), inactive [activeDays, inactiveDays), hibernating [inactiveDays,
 * hibernatingDays), lost from hibernatingDays on. A shop adjusts them to its buying cycle.
 */
export interface RecencyLimits {
  activeDays: number;
  inactiveDays: number;
  hibernatingDays: number;
}

/** Six months, one year, two years: the usual limits of a CLV score table. */
export const DEFAULT_RECENCY_LIMITS: RecencyLimits = { activeDays: 182, inactiveDays: 365, hibernatingDays: 730 };

export interface RecencyLimitProblem {
  field: keyof RecencyLimits;
  message: string;
}

/** What is wrong with a set of limits: each a whole number of days ≥ 1, each larger than the one before. */
export function recencyLimitProblems(limits: RecencyLimits): RecencyLimitProblem[] {
  const problems: RecencyLimitProblem[] = [];
  const fields = ['activeDays', 'inactiveDays', 'hibernatingDays'] as const;
  fields.forEach((field, i) => {
    const days = limits[field];
    if (!Number.isInteger(days) || days < 1) problems.push({ field, message: `must be a whole number of days ≥ 1 (got ${days})` });
    else if (i > 0 && Number.isInteger(limits[fields[i - 1]]) && days <= limits[fields[i - 1]]) {
      problems.push({ field, message: `must be greater than ${fields[i - 1]} (${limits[fields[i - 1]]})` });
    }
  });
  return problems;
}

/** The state of a customer whose last order was `daysSinceLastOrder` days ago (limits must be valid). */
export function recencyState(daysSinceLastOrder: number, limits: RecencyLimits = DEFAULT_RECENCY_LIMITS): RecencyState {
  if (daysSinceLastOrder < limits.activeDays) return 'active';
  if (daysSinceLastOrder < limits.inactiveDays) return 'inactive';
  if (daysSinceLastOrder < limits.hibernatingDays) return 'hibernating';
  return 'lost';
}
