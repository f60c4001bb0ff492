import { fitBgNbd } from './bg-nbd';
import { simulateCohort } from './bg-nbd-simulation';
import { compressHistories } from './compress-histories';
import { fitGammaGamma } from './gamma-gamma';

describe('fits recover the parameters of a simulated cohort', () => {
  const truth = { purchases: { r: 0.8, alpha: 4, a: 0.6, b: 2.5 }, spend: { p: 6, q: 4, gamma: 15 } };
  const cohort = simulateCohort({ customers: 5_000, seed: 5, cohortDays: 84, windowDays: 273, ...truth });

  it('BG/NBD on 5,000 customers finds r and α within 15 %', () => {
    const fit = fitBgNbd(compressHistories(cohort));
    expect(fit.customers).toBe(5_000);
    expect(Math.abs(fit.parameters.r / truth.purchases.r - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.parameters.alpha / truth.purchases.alpha - 1)).toBeLessThan(0.15);
  });

  it('Gamma-Gamma finds the mean spend per purchase within 5 %', () => {
    const { p, q, gamma } = fitGammaGamma(cohort).parameters;
    const meanSpend = (x: { p: number; q: number; gamma: number }) => (x.p * x.gamma) / (x.q - 1);
    expect(Math.abs(meanSpend({ p, q, gamma }) / meanSpend(truth.spend) - 1)).toBeLessThan(0.05);
  });

  it('is reproducible from its seed', () => {
    const again = simulateCohort({ customers: 100, seed: 5, cohortDays: 84, windowDays: 273, ...truth });
    expect(Array.from(again.repeatPurchases)).toEqual(Array.from(cohort.repeatPurchases.subarray(0, 100)));
  });
});
