import { ClvStateLimits, type ClvState } from '@marea/contracts';

/**
 * Where a customer is in their life with the shop, by days since their last purchase. The state
 * and its limits are declared once, in the contracts (`ClvState`, `ClvStateLimits`): each state's
 * range starts where the previous one ends — active [0, activeDays), inactive [activeDays,
 * inactiveDays), hibernating [inactiveDays, hibernatingDays), lost from hibernatingDays on.
 */
export type RecencyState = ClvState;
export type RecencyLimits = ClvStateLimits;

export const RECENCY_STATES: readonly RecencyState[] = ['active', 'inactive', 'hibernating', 'lost'];

/** Six months, one year, two years: the usual limits of a CLV score table; a shop adjusts them to its buying cycle. */
export const DEFAULT_RECENCY_LIMITS: RecencyLimits = { activeDays: 182, inactiveDays: 365, hibernatingDays: 730 };

export interface RecencyLimitProblem {
  field: string;
  message: string;
}

/** What is wrong with a set of limits (whole days ≥ 1, each larger than the one before), each naming its field. */
export function recencyLimitProblems(limits: RecencyLimits): RecencyLimitProblem[] {
  const parsed = ClvStateLimits.safeParse(limits);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** The state of a customer whose last purchase was `daysSinceLastPurchase` days ago (limits must be valid). */
export function recencyState(daysSinceLastPurchase: number, limits: RecencyLimits = DEFAULT_RECENCY_LIMITS): RecencyState {
  if (daysSinceLastPurchase < limits.activeDays) return 'active';
  if (daysSinceLastPurchase < limits.inactiveDays) return 'inactive';
  if (daysSinceLastPurchase < limits.hibernatingDays) return 'hibernating';
  return 'lost';
}
