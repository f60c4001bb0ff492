import { publishedCdnowSummary } from '../testing/cdnow';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesOfNewCustomer,
  fitBgNbd,
  probabilityAlive,
  probabilityOfNoPurchases,
  type BgNbdParameters,
} from './bg-nbd';
import { compressHistories } from './compress-histories';
import { toPurchaseHistories } from './purchase-history';

// Published results on the CDNOW 1/10 sample (Fader, Hardie & Lee 2005; the lifetimes library).
const PUBLISHED_MLE: BgNbdParameters = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };

describe('BG/NBD on the CDNOW sample (2,357 customers, 39 calibration weeks)', () => {
  const customers = publishedCdnowSummary();
  const histories = toPurchaseHistories(customers.map((c) => ({ repeatPurchases: c.x, lastPurchaseAt: c.tx, observedFor: c.T })));
  const fit = fitBgNbd(histories);

  it('finds the published maximum-likelihood parameters r, α, a, b to 2 decimals', () => {
    expect(fit.parameters.r).toBeCloseTo(0.243, 2);
    expect(fit.parameters.alpha).toBeCloseTo(4.414, 2);
    expect(fit.parameters.a).toBeCloseTo(0.793, 2);
    expect(fit.parameters.b).toBeCloseTo(2.426, 2);
    expect(fit.customers).toBe(2357);
  });

  it('reaches the published log-likelihood −9582.4', () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(bgNbdLogLikelihood(PUBLISHED_MLE, histories)).toBeCloseTo(-9582.4, 1);
  });

  it('expects 1.226 purchases in the next 39 weeks from customer 1 (x=2, t_x=30.43, T=38.86)', () => {
    const customer1 = { repeatPurchases: 2, lastPurchaseAt: 30.43, observedFor: 38.86 };
    expect(Math.abs(expectedPurchases(fit.parameters, customer1, 39) - 1.226)).toBeLessThan(0.001);
    expect(probabilityAlive(fit.parameters, customer1)).toBeGreaterThan(0.5);
  });

  it.each([
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
    [78, 1.8576],
  ])('expects a new customer to make the published number of repeat purchases by week %d', (t, published) => {
    expect(Math.abs(expectedPurchasesOfNewCustomer(PUBLISHED_MLE, t) - published)).toBeLessThan(0.001);
  });

  it('gives a new customer the published probability 0.5737864 of no repeat purchase in 39 weeks', () => {
    // The published figure is computed at the parameters rounded to 3 decimals.
    expect(probabilityOfNoPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39)).toBeCloseTo(0.5737864, 6);
    expect(Math.abs(probabilityOfNoPurchases(fit.parameters, 39) - 0.5737864)).toBeLessThan(0.001);
  });

  it('fits the same parameters from histories compressed into weighted rows', () => {
    const compressed = compressHistories(histories);
    expect(compressed.repeatPurchases.length).toBeLessThan(customers.length);
    const again = fitBgNbd(compressed);
    expect(again.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
    expect(again.parameters.r).toBeCloseTo(fit.parameters.r, 4);
  });

  it('says a customer without repeat purchases is certainly alive and one long silent after many purchases probably is not', () => {
    expect(probabilityAlive(fit.parameters, { repeatPurchases: 0, lastPurchaseAt: 0, observedFor: 38 })).toBe(1);
    expect(probabilityAlive(fit.parameters, { repeatPurchases: 10, lastPurchaseAt: 5, observedFor: 38 })).toBeLessThan(0.05);
  });
});
