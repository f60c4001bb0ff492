import type { SeededRandom } from '../random/seeded-random';
import { normal } from '../random/distributions';
import type { CurrencyRateRow } from '../demo-shop-rows';

const DAY_MS = 86_400_000;

/** Calendar day of an instant in UTC, YYYY-MM-DD. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface CurrencyRates {
  readonly rows: readonly CurrencyRateRow[];
  /** Account-currency units per unit of `currency` on the day of `ms` (1 for the account currency). */
  rateAt(currency: string, ms: number): number;
}

/**
 * Daily EUR value of one PLN from `fromMs` to `toMs`: a mean-reverting random walk around
 * 0.232 (≈ 4.3 PLN per EUR), as the real rate moved in the 2020s.
 */
export function buildCurrencyRates(random: SeededRandom, fromMs: number, toMs: number): CurrencyRates {
  const firstDay = Math.floor(fromMs / DAY_MS);
  const lastDay = Math.floor(toMs / DAY_MS);
  const byDay = new Float64Array(lastDay - firstDay + 1);
  const rows: CurrencyRateRow[] = [];
  let rate = 0.232;
  for (let day = firstDay; day <= lastDay; day++) {
    rate += 0.02 * (0.232 - rate) + normal(random, 0, 0.0012);
    const rounded = Math.round(rate * 1e6) / 1e6;
    byDay[day - firstDay] = rounded;
    rows.push({ currency: 'PLN', date: dayOf(day * DAY_MS), rate: rounded });
  }
  return {
    rows,
    rateAt(currency, ms) {
      if (currency === 'EUR') return 1;
      const index = Math.min(byDay.length - 1, Math.max(0, Math.floor(ms / DAY_MS) - firstDay));
      return byDay[index];
    },
  };
}
