import { publishedCdnowSummary } from '../testing/cdnow';
import { fitParetoNbd, paretoNbdExpectedPurchases, paretoNbdLogLikelihood, paretoNbdProbabilityAlive } from './pareto-nbd';
import { toPurchaseHistories } from './purchase-history';

describe('Pareto/NBD on the CDNOW sample', () => {
  const histories = toPurchaseHistories(publishedCdnowSummary().map((c) => ({ repeatPurchases: c.x, lastPurchaseAt: c.tx, observedFor: c.T })));
  const fit = fitParetoNbd(histories);

  it('finds the published r, α, s, β to 2 decimals and the log-likelihood −9595.0', () => {
    expect(fit.parameters.r).toBeCloseTo(0.553, 2);
    expect(fit.parameters.alpha).toBeCloseTo(10.578, 1);
    expect(Math.abs(fit.parameters.alpha - 10.578)).toBeLessThan(0.01);
    expect(fit.parameters.s).toBeCloseTo(0.606, 2);
    expect(Math.abs(fit.parameters.beta - 11.669)).toBeLessThan(0.01);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it('gives the published P(alive) 0.9979 and E[Y(52)] 25.46 for x = 26, t_x = 30.86, T = 31', () => {
    const frequent = { repeatPurchases: 26, lastPurchaseAt: 30.86, observedFor: 31 };
    expect(Math.abs(paretoNbdProbabilityAlive(fit.parameters, frequent) - 0.9979)).toBeLessThan(0.001);
    expect(Math.abs(paretoNbdExpectedPurchases(fit.parameters, frequent, 52) - 25.46)).toBeLessThan(0.01);
  });

  it('is a maximum: moving any parameter lowers the likelihood', () => {
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      for (const factor of [0.97, 1.03]) {
        expect(paretoNbdLogLikelihood({ ...fit.parameters, [key]: fit.parameters[key] * factor }, histories)).toBeLessThan(fit.logLikelihood);
      }
    }
  });
});
