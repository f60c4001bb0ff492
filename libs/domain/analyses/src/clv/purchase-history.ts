/**
 * One customer's repeat-purchase history, as the buy-till-you-die models read it, in one time unit
 * chosen by the caller (weeks for the CDNOW benchmark, days in Marea):
 * - `repeatPurchases` (x): purchases after the first one (purchases on one day count once);
 * - `lastPurchaseAt` (t_x): time from the first purchase to the last one, 0 without repeats;
 * - `observedFor` (T): time from the first purchase to the end of the observation window.
 */
export interface PurchaseHistory {
  repeatPurchases: number;
  lastPurchaseAt: number;
  observedFor: number;
}

/** Many histories in columns (typed arrays), optionally weighted: a row of weight w stands for w identical customers. */
export interface PurchaseHistories {
  repeatPurchases: Float64Array;
  lastPurchaseAt: Float64Array;
  observedFor: Float64Array;
  weights?: Float64Array;
}

/** A dated purchase: `day` is a whole day number (any epoch), `value` its amount. */
export interface DatedPurchase {
  day: number;
  value: number;
}

export interface SummarisedPurchases extends PurchaseHistory {
  /** Mean amount of the repeat purchases (z̄ of Gamma-Gamma), 0 without repeats. */
  meanRepeatValue: number;
}

/**
 * Summarises a customer's purchases up to `windowEndDay` (inclusive) the way the CLV literature
 * does: purchases on the same day merge into one (their amounts add up), the first day starts the
 * customer's clock and is not a repeat, and times are days / `daysPerUnit`. These are the rules
 * that rebuild the published CDNOW summary exactly. Returns null for a customer with no purchase
 * in the window.
 */
export function summarisePurchases(purchases: readonly DatedPurchase[], windowEndDay: number, daysPerUnit = 1): SummarisedPurchases | null {
  const valueByDay = new Map<number, number>();
  for (const { day, value } of purchases) {
    if (day <= windowEndDay) valueByDay.set(day, (valueByDay.get(day) ?? 0) + value);
  }
  if (valueByDay.size === 0) return null;
  const days = [...valueByDay.keys()].sort((a, b) => a - b);
  const first = days[0];
  const repeatDays = days.slice(1);
  const repeatTotal = repeatDays.reduce((sum, day) => sum + (valueByDay.get(day) ?? 0), 0);
  return {
    repeatPurchases: repeatDays.length,
    lastPurchaseAt: (days[days.length - 1] - first) / daysPerUnit,
    observedFor: (windowEndDay - first) / daysPerUnit,
    meanRepeatValue: repeatDays.length > 0 ? repeatTotal / repeatDays.length : 0,
  };
}

/** Column form of a list of histories. */
export function toPurchaseHistories(histories: readonly PurchaseHistory[]): PurchaseHistories {
  return {
    repeatPurchases: Float64Array.from(histories, (h) => h.repeatPurchases),
    lastPurchaseAt: Float64Array.from(histories, (h) => h.lastPurchaseAt),
    observedFor: Float64Array.from(histories, (h) => h.observedFor),
  };
}
