import { nelderMead } from '../optimisation/nelder-mead';
import type { PurchaseHistories, PurchaseHistory } from './purchase-history';
import { hypergeometric2F1, logAddExp, logBeta, logGamma } from './special-functions';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer
 * buys at rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  parameters: BgNbdParameters;
  /** Log-likelihood of the whole base at the fitted parameters. */
  logLikelihood: number;
  /** Customers the fit saw (the sum of the weights). */
  customers: number;
  evaluations: number;
}

/**
 * Histories indexed by their distinct x, t_x and T, so the Γ and B terms are computed once per x
 * and the logarithms once per distinct time (with times in whole days a base has only hundreds of
 * them), not once per customer.
 */
interface PreparedHistories {
  distinctX: Float64Array;
  xIndex: Int32Array;
  distinctLastPurchaseAt: Float64Array;
  lastPurchaseAtIndex: Int32Array;
  distinctObservedFor: Float64Array;
  observedForIndex: Int32Array;
  weights: Float64Array;
  customers: number;
}

/** The distinct values of `column` and, for each row, the index of its value among them. */
function indexDistinct(column: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const indexOf = new Map<number, number>();
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    let at = indexOf.get(column[i]);
    if (at === undefined) indexOf.set(column[i], (at = indexOf.size));
    index[i] = at;
  }
  return { distinct: Float64Array.from(indexOf.keys()), index };
}

function prepare(histories: PurchaseHistories): PreparedHistories {
  const n = histories.repeatPurchases.length;
  for (let i = 0; i < n; i++) {
    const x = histories.repeatPurchases[i];
    if (!(x >= 0) || !(histories.lastPurchaseAt[i] >= 0) || !(histories.observedFor[i] >= histories.lastPurchaseAt[i])) {
      throw new RangeError(`history ${i} is impossible: x=${x}, t_x=${histories.lastPurchaseAt[i]}, T=${histories.observedFor[i]} (need x ≥ 0, 0 ≤ t_x ≤ T)`);
    }
  }
  const x = indexDistinct(histories.repeatPurchases);
  const lastPurchaseAt = indexDistinct(histories.lastPurchaseAt);
  const observedFor = indexDistinct(histories.observedFor);
  const weights = histories.weights ?? new Float64Array(n).fill(1);
  return {
    distinctX: x.distinct,
    xIndex: x.index,
    distinctLastPurchaseAt: lastPurchaseAt.distinct,
    lastPurchaseAtIndex: lastPurchaseAt.index,
    distinctObservedFor: observedFor.distinct,
    observedForIndex: observedFor.index,
    weights,
    customers: weights.reduce((sum, w) => sum + w, 0),
  };
}

function logLikelihoodOf({ r, alpha, a, b }: BgNbdParameters, h: PreparedHistories): number {
  const k = h.distinctX.length;
  const constant = new Float64Array(k); // ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
  const dropoutTerm = new Float64Array(k); // ln a − ln(b + x − 1), the "dropped out after the last purchase" branch
  const shape = new Float64Array(k); // r + x
  const logBetaAB = logBeta(a, b);
  for (let j = 0; j < k; j++) {
    const x = h.distinctX[j];
    shape[j] = r + x;
    constant[j] = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBetaAB;
    dropoutTerm[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const logAlphaPlusT = h.distinctObservedFor.map((T) => Math.log(alpha + T));
  const logAlphaPlusTx = h.distinctLastPurchaseAt.map((tx) => Math.log(alpha + tx));
  let sum = 0;
  for (let i = 0; i < h.xIndex.length; i++) {
    const j = h.xIndex[i];
    const aliveTerm = -shape[j] * logAlphaPlusT[h.observedForIndex[i]];
    const term = dropoutTerm[j] === -Infinity ? aliveTerm : logAddExp(aliveTerm, dropoutTerm[j] - shape[j] * logAlphaPlusTx[h.lastPurchaseAtIndex[i]]);
    sum += h.weights[i] * (constant[j] + term);
  }
  return sum;
}

/** The BG/NBD log-likelihood of a base (weighted rows count w times). */
export function bgNbdLogLikelihood(parameters: BgNbdParameters, histories: PurchaseHistories): number {
  return logLikelihoodOf(parameters, prepare(histories));
}

/**
 * Maximum-likelihood BG/NBD fit: Nelder–Mead on the logarithms of (r, α, a, b), which keeps them
 * positive and makes the surface rounder, on the mean log-likelihood per customer so that the
 * stopping tolerance does not depend on the size of the base. Compress identical histories first
 * (`compressHistories`) when the base is large.
 */
export function fitBgNbd(histories: PurchaseHistories): BgNbdFit {
  const prepared = prepare(histories);
  if (prepared.customers <= 0) throw new RangeError('fitting BG/NBD needs at least one customer');
  const fromLog = ([r, alpha, a, b]: number[]): BgNbdParameters => ({ r: Math.exp(r), alpha: Math.exp(alpha), a: Math.exp(a), b: Math.exp(b) });
  const minimum = nelderMead((point) => -logLikelihoodOf(fromLog(point), prepared) / prepared.customers, [0, 0, 0, 0], {
    functionTolerance: 1e-9,
    pointTolerance: 1e-5,
  });
  const parameters = fromLog(minimum.point);
  return { parameters, logLikelihood: logLikelihoodOf(parameters, prepared), customers: prepared.customers, evaluations: minimum.evaluations };
}

/** ln of the odds "dropped out after the last purchase" : "still alive", zero for a customer without repeats. */
function logDropoutOdds({ r, alpha, a, b }: BgNbdParameters, { repeatPurchases: x, lastPurchaseAt, observedFor }: PurchaseHistory): number {
  if (x === 0) return -Infinity;
  return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + observedFor) / (alpha + lastPurchaseAt));
}

/** P(alive): the probability that the customer has not dropped out by the end of their observation. */
export function probabilityAlive(parameters: BgNbdParameters, history: PurchaseHistory): number {
  return 1 / (1 + Math.exp(logDropoutOdds(parameters, history)));
}

/** E[Y(t) | x, t_x, T]: the purchases this customer is expected to make in the next `t` time units. */
export function expectedPurchases(parameters: BgNbdParameters, history: PurchaseHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = parameters;
  const { repeatPurchases: x, observedFor } = history;
  const hyper = hypergeometric2F1(r + x, b + x, a + b + x - 1, t / (alpha + observedFor + t));
  const whileAlive = ((a + b + x - 1) / (a - 1)) * (1 - hyper * Math.pow((alpha + observedFor) / (alpha + observedFor + t), r + x));
  return whileAlive * probabilityAlive(parameters, history);
}

/** E[X(t)]: the purchases a customer makes in the first `t` time units after their first purchase. */
export function expectedPurchasesOfNewCustomer({ r, alpha, a, b }: BgNbdParameters, t: number): number {
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric2F1(r, b, a + b - 1, t / (alpha + t)));
}

/**
 * P(X(t) = 0): the probability that a new customer makes no repeat purchase in `t`. In BG/NBD a
 * customer can only drop out right after a purchase, so this is the gamma-Poisson zero term.
 */
export function probabilityOfNoPurchases({ r, alpha }: BgNbdParameters, t: number): number {
  return Math.pow(alpha / (alpha + t), r);
}

/**
 * Median time to this customer's next purchase if they are alive. In BG/NBD an alive customer
 * stays alive until their next purchase, and given the history their rate is Gamma(r + x, α + T),
 * so P(no purchase in the next t | alive) = ((α+T)/(α+T+t))^(r+x). Weigh it with `probabilityAlive`.
 */
export function medianTimeToNextPurchase({ r, alpha }: BgNbdParameters, { repeatPurchases: x, observedFor }: PurchaseHistory): number {
  return (alpha + observedFor) * (Math.pow(2, 1 / (r + x)) - 1);
}
