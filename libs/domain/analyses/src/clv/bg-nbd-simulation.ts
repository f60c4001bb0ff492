import { betaSample, gammaSample } from '../random/gamma-sampler';
import { seededRandom } from '../random/seeded-random';
import type { BgNbdParameters } from './bg-nbd';
import type { GammaGammaParameters } from './gamma-gamma';
import type { PurchaseHistories } from './purchase-history';

export interface SimulatedCohort {
  customers: number;
  seed: number;
  purchases: BgNbdParameters;
  spend: GammaGammaParameters;
  /** First purchases spread uniformly over this many days (CDNOW: 12 weeks). */
  cohortDays: number;
  /** The observation window, from the cohort's first day (CDNOW calibration: 273 days). */
  windowDays: number;
}

/**
 * Draws a cohort of customers from BG/NBD + Gamma-Gamma, observed as a shop observes them: times
 * in whole days (purchases on one day merge), reported in weeks. For benchmarks and for checking
 * that the fits recover the parameters they were given.
 */
export function simulateCohort(cohort: SimulatedCohort): PurchaseHistories & { meanRepeatValue: Float64Array } {
  const random = seededRandom(cohort.seed);
  const { r, alpha, a, b } = cohort.purchases;
  const n = cohort.customers;
  const histories = {
    repeatPurchases: new Float64Array(n),
    lastPurchaseAt: new Float64Array(n),
    observedFor: new Float64Array(n),
    meanRepeatValue: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const observedDays = cohort.windowDays - Math.floor(random() * cohort.cohortDays);
    const weeklyRate = gammaSample(random, r, alpha);
    const dropout = betaSample(random, a, b);
    const spendScale = gammaSample(random, cohort.spend.q, cohort.spend.gamma);
    let time = 0;
    let lastDay = 0;
    let repeats = 0;
    let spent = 0;
    for (;;) {
      time += -Math.log(1 - random()) / weeklyRate;
      const day = Math.floor(time * 7);
      if (day > observedDays) break;
      if (day > lastDay) {
        repeats++;
        lastDay = day;
      }
      spent += gammaSample(random, cohort.spend.p, spendScale);
      if (random() < dropout) break;
    }
    histories.repeatPurchases[i] = repeats;
    histories.lastPurchaseAt[i] = lastDay / 7;
    histories.observedFor[i] = observedDays / 7;
    histories.meanRepeatValue[i] = repeats > 0 ? spent / repeats : 0;
  }
  return histories;
}
