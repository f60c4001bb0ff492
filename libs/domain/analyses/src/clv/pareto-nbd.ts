import { nelderMead } from '../optimisation/nelder-mead';
import type { PurchaseHistories, PurchaseHistory } from './purchase-history';
import { hypergeometric2F1, logAddExp, logGamma } from './special-functions';

/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while alive a customer buys at rate
 * λ ~ Gamma(r, α) and dies at an exponential time of rate μ ~ Gamma(s, β), at any moment (not
 * only after a purchase, unlike BG/NBD). Formulas from Fader & Hardie's note (2005).
 */
export interface ParetoNbdParameters {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoNbdFit {
  parameters: ParetoNbdParameters;
  logLikelihood: number;
  customers: number;
  evaluations: number;
}

/**
 * ln A₀ of the likelihood: the "died between t_x and T" term, a difference of two ₂F₁ terms. The
 * series argument is |α − β| / (max(α, β) + t) < 1, whichever of α and β is larger.
 */
function logA0({ r, alpha, s, beta }: ParetoNbdParameters, x: number, lastPurchaseAt: number, observedFor: number): number {
  const a = r + s + x;
  const [larger, b] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const gap = Math.abs(alpha - beta);
  const term = (t: number) => Math.log(hypergeometric2F1(a, b, a + 1, gap / (larger + t))) - a * Math.log(larger + t);
  const atLast = term(lastPurchaseAt);
  const atEnd = term(observedFor);
  return atLast + Math.log1p(-Math.exp(atEnd - atLast));
}

function customerLogLikelihood(parameters: ParetoNbdParameters, { repeatPurchases: x, lastPurchaseAt, observedFor }: PurchaseHistory): number {
  const { r, alpha, s, beta } = parameters;
  const aliveToEnd = -(r + x) * Math.log(alpha + observedFor) - s * Math.log(beta + observedFor);
  const diedBefore = observedFor > lastPurchaseAt ? Math.log(s / (r + s + x)) + logA0(parameters, x, lastPurchaseAt, observedFor) : -Infinity;
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(aliveToEnd, diedBefore);
}

/** The Pareto/NBD log-likelihood of a base (weighted rows count w times). */
export function paretoNbdLogLikelihood(parameters: ParetoNbdParameters, histories: PurchaseHistories): number {
  let sum = 0;
  for (let i = 0; i < histories.repeatPurchases.length; i++) {
    const history = { repeatPurchases: histories.repeatPurchases[i], lastPurchaseAt: histories.lastPurchaseAt[i], observedFor: histories.observedFor[i] };
    sum += (histories.weights ? histories.weights[i] : 1) * customerLogLikelihood(parameters, history);
  }
  return sum;
}

/** Maximum-likelihood Pareto/NBD fit (Nelder–Mead on log-parameters). Where a series does not converge the point counts as impossible. */
export function fitParetoNbd(histories: PurchaseHistories): ParetoNbdFit {
  const customers = histories.weights ? histories.weights.reduce((sum, w) => sum + w, 0) : histories.repeatPurchases.length;
  if (customers <= 0) throw new RangeError('fitting Pareto/NBD needs at least one customer');
  const fromLog = ([r, alpha, s, beta]: number[]): ParetoNbdParameters => ({ r: Math.exp(r), alpha: Math.exp(alpha), s: Math.exp(s), beta: Math.exp(beta) });
  const objective = (point: number[]) => {
    try {
      return -paretoNbdLogLikelihood(fromLog(point), histories) / customers;
    } catch {
      return Infinity;
    }
  };
  const minimum = nelderMead(objective, [0, 0, 0, 0], { functionTolerance: 1e-9, pointTolerance: 1e-5 });
  const parameters = fromLog(minimum.point);
  return { parameters, logLikelihood: paretoNbdLogLikelihood(parameters, histories), customers, evaluations: minimum.evaluations };
}

/** P(alive | x, t_x, T) under Pareto/NBD. */
export function paretoNbdProbabilityAlive(parameters: ParetoNbdParameters, history: PurchaseHistory): number {
  const { r, alpha, s, beta } = parameters;
  const { repeatPurchases: x, lastPurchaseAt, observedFor } = history;
  if (observedFor <= lastPurchaseAt) return 1;
  const logOdds =
    Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + observedFor) + s * Math.log(beta + observedFor) + logA0(parameters, x, lastPurchaseAt, observedFor);
  return 1 / (1 + Math.exp(logOdds));
}

/** E[Y(t) | x, t_x, T]: purchases expected in the next `t` under Pareto/NBD (needs s > 1). */
export function paretoNbdExpectedPurchases(parameters: ParetoNbdParameters, history: PurchaseHistory, t: number): number {
  const { r, alpha, s, beta } = parameters;
  const { repeatPurchases: x, observedFor } = history;
  const whileAlive = (((r + x) * (beta + observedFor)) / ((alpha + observedFor) * (s - 1))) * (1 - Math.pow((beta + observedFor) / (beta + observedFor + t), s - 1));
  return whileAlive * paretoNbdProbabilityAlive(parameters, history);
}
