import type { SeededRandom } from '../random/seeded-random';
import { beta, exponential, gamma } from '../random/distributions';
import { PEAK_SHOP_FACTOR, shopFactor } from '../calendar/seasonality';
import { utcMonth } from '../calendar/civil-date';

export const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

/**
 * A customer's latent buying process, as BG/NBD assumes it: purchases at a Poisson rate that
 * varies between customers as a gamma (most buy rarely, a few very often), and after each
 * purchase a chance to drop out for good, which varies as a beta.
 */
export interface PurchaseBehaviour {
  /** Purchases per year while the customer is alive. */
  readonly ratePerYear: number;
  /** Probability of leaving after each purchase. */
  readonly dropout: number;
}

/** Gamma shape below 1 gives the long tail of loyal regulars. Calibrated for ~10 orders per customer. */
const RATE_SHAPE = 0.45;
const RATE_SCALE = 70;
const DROPOUT_A = 0.6;
const DROPOUT_B = 3;

export function purchaseBehaviour(random: SeededRandom, frequency: number): PurchaseBehaviour {
  return {
    // Capped at about three orders a week: beyond that a "customer" is a reseller.
    ratePerYear: Math.min(150, gamma(random, RATE_SHAPE, RATE_SCALE) * frequency),
    dropout: beta(random, DROPOUT_A, DROPOUT_B),
  };
}

/**
 * Purchase instants from the first purchase until the customer drops out or `nowMs`. Gaps are
 * drawn at the peak rate and thinned by the month's seasonality, so December and spring get
 * more orders than August.
 */
export function purchaseTimes(random: SeededRandom, behaviour: PurchaseBehaviour, firstMs: number, nowMs: number): number[] {
  const times = [firstMs];
  const peakRate = (behaviour.ratePerYear * PEAK_SHOP_FACTOR) / YEAR_MS;
  if (peakRate <= 0) return times;
  let t = firstMs;
  while (!random.chance(behaviour.dropout)) {
    // Thinning: candidates at the peak rate, each kept with the month's share of the peak.
    for (;;) {
      t += exponential(random, peakRate);
      if (t >= nowMs) return times;
      if (random.float() * PEAK_SHOP_FACTOR < shopFactor(utcMonth(t))) break;
    }
    times.push(t);
  }
  return times;
}

const WEB_HOURS = [0.6, 0.3, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 2, 2.4, 2.8, 3.2, 3.4, 3, 2.6, 2.6, 2.8, 3, 3.4, 4, 4.6, 3.8, 1.8];
const STORE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.4, 2.2, 2.8, 3, 2.6, 2.4, 2.8, 3.4, 3.6, 3.2, 2, 0, 0, 0];

function pickHour(random: SeededRandom, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let target = random.float() * total;
  for (let hour = 0; hour < 24; hour++) {
    target -= weights[hour];
    if (target < 0) return hour;
  }
  return 12;
}

/**
 * Moves an instant to a plausible local time on the same day: web orders peak in the evening,
 * the store only sells in opening hours. Local time is taken as UTC+1 (Madrid, Warsaw in winter).
 */
export function atShoppingHour(random: SeededRandom, ms: number, channel: 'ecommerce' | 'store', nowMs: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const hour = pickHour(random, channel === 'store' ? STORE_HOURS : WEB_HOURS);
  const at = day + (hour - 1) * 3_600_000 + random.int(0, 3_599_999);
  return at >= nowMs ? nowMs - random.int(60_000, 3_600_000) : at;
}
