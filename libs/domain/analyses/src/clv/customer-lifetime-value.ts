import { expectedPurchases, type BgNbdParameters } from './bg-nbd';
import { expectedAverageSpend, type GammaGammaParameters } from './gamma-gamma';
import type { PurchaseHistory } from './purchase-history';

export interface LifetimeValueOptions {
  /** How many months ahead (12 for the profile's "12-month CLV"). */
  months: number;
  /** Yearly discount rate, e.g. 0.1 for 10 %: money expected in month m is worth 1/(1+d)^(m/12) today. */
  annualDiscountRate: number;
  /** Length of the models' time unit in days (7 when fitted in weeks, 1 in days). */
  daysPerTimeUnit: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Discounted expected value of a customer over the next `months`: month by month, the purchases
 * BG/NBD expects in that month times the spend Gamma-Gamma expects per purchase, discounted to
 * today (the lifetimes library's definition, with a yearly rate turned into a monthly one).
 */
export function customerLifetimeValue(
  purchases: BgNbdParameters,
  spend: GammaGammaParameters,
  history: PurchaseHistory & { meanRepeatValue: number },
  options: LifetimeValueOptions,
): number {
  const { months, annualDiscountRate, daysPerTimeUnit } = options;
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1 (got ${months})`);
  if (!(annualDiscountRate >= 0)) throw new RangeError(`annualDiscountRate must be ≥ 0 (got ${annualDiscountRate})`);
  if (!(daysPerTimeUnit > 0)) throw new RangeError(`daysPerTimeUnit must be > 0 (got ${daysPerTimeUnit})`);
  const monthlyDiscount = Math.pow(1 + annualDiscountRate, 1 / 12);
  const perPurchase = expectedAverageSpend(spend, history.repeatPurchases, history.meanRepeatValue);
  const unitsPerMonth = DAYS_PER_MONTH / daysPerTimeUnit;
  let value = 0;
  let before = 0;
  for (let month = 1; month <= months; month++) {
    const byThen = expectedPurchases(purchases, history, month * unitsPerMonth);
    value += ((byThen - before) * perPurchase) / Math.pow(monthlyDiscount, month);
    before = byThen;
  }
  return value;
}
