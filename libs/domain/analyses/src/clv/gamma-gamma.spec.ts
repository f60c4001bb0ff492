import { publishedCdnowSummary } from '../testing/cdnow';
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma';

describe('Gamma-Gamma on the CDNOW sample (946 repeat customers)', () => {
  const customers = publishedCdnowSummary();
  const spend = { repeatPurchases: Float64Array.from(customers, (c) => c.x), meanRepeatValue: Float64Array.from(customers, (c) => c.zbar) };
  const fit = fitGammaGamma(spend);

  it('fits only the customers with repeat purchases and finds the published p, q, γ to 2 decimals', () => {
    expect(fit.customers).toBe(946);
    expect(fit.parameters.p).toBeCloseTo(6.25, 2);
    expect(fit.parameters.q).toBeCloseTo(3.74, 2);
    expect(fit.parameters.gamma).toBeCloseTo(15.44, 1);
    expect(Math.abs(fit.parameters.gamma - 15.44)).toBeLessThan(0.01);
  });

  it('expects the published average spend of customers 1–10 (to 0.1)', () => {
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const ours = customers.slice(0, 10).map((c) => expectedAverageSpend(fit.parameters, c.x, c.zbar));
    ours.forEach((spend, i) => expect(Math.abs(spend - published[i])).toBeLessThan(0.1));
  });

  it('gives a customer without repeat purchases the population mean and pulls a big spender towards it', () => {
    const populationMean = (fit.parameters.p * fit.parameters.gamma) / (fit.parameters.q - 1);
    expect(expectedAverageSpend(fit.parameters, 0, 0)).toBeCloseTo(populationMean, 10);
    const oneBigPurchase = expectedAverageSpend(fit.parameters, 1, 500);
    expect(oneBigPurchase).toBeLessThan(500);
    expect(oneBigPurchase).toBeGreaterThan(populationMean);
    expect(expectedAverageSpend(fit.parameters, 20, 500)).toBeGreaterThan(oneBigPurchase);
  });

  it('is a maximum: moving any parameter lowers the likelihood', () => {
    const best = fit.logLikelihood;
    for (const key of ['p', 'q', 'gamma'] as const) {
      for (const factor of [0.98, 1.02]) {
        expect(gammaGammaLogLikelihood({ ...fit.parameters, [key]: fit.parameters[key] * factor }, spend)).toBeLessThan(best);
      }
    }
  });

  it('refuses a repeat customer whose mean spend is not positive', () => {
    expect(() => fitGammaGamma({ repeatPurchases: Float64Array.of(2), meanRepeatValue: Float64Array.of(0) })).toThrow(/customer 0.*mean spend of 0/);
  });
});
