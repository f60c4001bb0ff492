import {
  customerLifetimeValue,
  expectedAverageSpend,
  expectedPurchases,
  medianTimeToNextPurchase,
  probabilityAlive,
  type BgNbdParameters,
  type GammaGammaParameters,
  type PurchaseHistories,
} from '@marea/domain/analyses';

const DAYS_PER_YEAR = 365.25;
const DAY_MS = 86_400_000;
/** The next order date is given only to a customer more likely alive than not. */
const NEXT_ORDER_MINIMUM_PROBABILITY_ALIVE = 0.5;

/** Rounding can put P(alive) a hair outside [0, 1]; a series that does not converge gives NaN, stored as 0. */
const clamp = (value: number, low: number, high: number) => (Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low);

/** Each customer's figures, in columns aligned with the histories. */
export interface CustomerScores {
  expectedPurchases12m: Float64Array;
  probabilityAlive: Float64Array;
  expectedAverageOrderValue: Float64Array;
  clv12m: Float64Array;
  /** Epoch milliseconds, NaN when not given. */
  expectedNextOrderAt: Float64Array;
}

/**
 * A Gamma-Gamma model whose expected spend is exactly 1 for every customer (p = 1, q = 2, γ = 1
 * with z̄ = 1 gives (1 + x)/(x + 1)): `customerLifetimeValue` then returns the discounted
 * expected purchases of the 12 months, which depend only on (x, t_x, T). Multiplied by the
 * customer's own expected spend it is their CLV, since the CLV is linear in the spend.
 */
const UNIT_SPEND: GammaGammaParameters = { p: 1, q: 2, gamma: 1 };

/**
 * The per-customer figures of the fitted models, as of `windowEnd`. The expensive part (the ₂F₁
 * series of E[Y(t)] for each of the 12 months) is computed once per distinct history (x, t_x, T),
 * of which a base has far fewer than customers; the spend part is one formula per customer.
 */
export function scoreCustomers(
  histories: PurchaseHistories,
  meanRepeatValue: Float64Array,
  meanTicketValue: Float64Array,
  bgNbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters | null,
  options: { annualDiscountRate: number; windowEnd: Date },
): CustomerScores {
  const n = histories.repeatPurchases.length;
  const scores: CustomerScores = {
    expectedPurchases12m: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
    expectedAverageOrderValue: new Float64Array(n),
    clv12m: new Float64Array(n),
    expectedNextOrderAt: new Float64Array(n),
  };
  const byHistory = new Map<string, { purchases: number; alive: number; discountedPurchases: number; medianDays: number }>();
  for (let i = 0; i < n; i++) {
    const history = { repeatPurchases: histories.repeatPurchases[i], lastPurchaseAt: histories.lastPurchaseAt[i], observedFor: histories.observedFor[i] };
    const key = `${history.repeatPurchases} ${history.lastPurchaseAt} ${history.observedFor}`;
    let figures = byHistory.get(key);
    if (!figures) {
      figures = {
        purchases: expectedPurchases(bgNbd, history, DAYS_PER_YEAR),
        alive: probabilityAlive(bgNbd, history),
        discountedPurchases: customerLifetimeValue(bgNbd, UNIT_SPEND, { ...history, meanRepeatValue: 1 }, {
          months: 12,
          annualDiscountRate: options.annualDiscountRate,
          daysPerTimeUnit: 1,
        }),
        medianDays: medianTimeToNextPurchase(bgNbd, history),
      };
      byHistory.set(key, figures);
    }
    const spend = gammaGamma ? expectedAverageSpend(gammaGamma, history.repeatPurchases, meanRepeatValue[i]) : meanTicketValue[i];
    scores.expectedPurchases12m[i] = clamp(figures.purchases, 0, Infinity);
    scores.probabilityAlive[i] = clamp(figures.alive, 0, 1);
    scores.expectedAverageOrderValue[i] = clamp(spend, 0, Infinity);
    scores.clv12m[i] = clamp(figures.discountedPurchases * spend, 0, Infinity);
    scores.expectedNextOrderAt[i] =
      figures.alive >= NEXT_ORDER_MINIMUM_PROBABILITY_ALIVE && Number.isFinite(figures.medianDays)
        ? options.windowEnd.getTime() + figures.medianDays * DAY_MS
        : Number.NaN;
  }
  return scores;
}
