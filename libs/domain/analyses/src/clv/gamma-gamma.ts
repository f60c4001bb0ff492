import { nelderMead } from '../optimisation/nelder-mead';
import { logGamma } from './special-functions';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): each purchase's amount is
 * Gamma(p, ν) and a customer's ν is Gamma(q, γ) across the base, independent of purchase frequency.
 */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** Repeat customers' spend: x repeat purchases with mean amount z̄ each (customers with x = 0 carry no spend information). */
export interface RepeatSpend {
  repeatPurchases: Float64Array;
  meanRepeatValue: Float64Array;
  weights?: Float64Array;
}

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  customers: number;
  evaluations: number;
}

/** Rows the spend likelihood can use, with the per-row logarithms that do not depend on the parameters. */
interface PreparedSpend {
  x: Float64Array;
  meanValue: Float64Array;
  weights: Float64Array;
  logMeanValue: Float64Array;
  logX: Float64Array;
  customers: number;
}

function prepare(spend: RepeatSpend): PreparedSpend {
  const rows: number[] = [];
  for (let i = 0; i < spend.repeatPurchases.length; i++) {
    if (spend.repeatPurchases[i] > 0) {
      if (!(spend.meanRepeatValue[i] > 0)) throw new RangeError(`customer ${i} has repeat purchases but a mean spend of ${spend.meanRepeatValue[i]} (must be > 0)`);
      rows.push(i);
    }
  }
  const pick = (column: Float64Array | undefined, fallback: number) => Float64Array.from(rows, (i) => (column ? column[i] : fallback));
  const x = pick(spend.repeatPurchases, 0);
  const meanValue = pick(spend.meanRepeatValue, 0);
  const weights = pick(spend.weights, 1);
  return {
    x,
    meanValue,
    weights,
    logMeanValue: meanValue.map(Math.log),
    logX: x.map(Math.log),
    customers: weights.reduce((sum, w) => sum + w, 0),
  };
}

function logLikelihoodOf({ p, q, gamma }: GammaGammaParameters, s: PreparedSpend): number {
  const constant = -logGamma(q) + q * Math.log(gamma);
  const gammaTermsByX = new Map<number, number>(); // ln Γ(px + q) − ln Γ(px), computed once per distinct x
  let sum = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i];
    let gammaTerms = gammaTermsByX.get(x);
    if (gammaTerms === undefined) gammaTermsByX.set(x, (gammaTerms = logGamma(p * x + q) - logGamma(p * x)));
    const px = p * x;
    sum += s.weights[i] * (gammaTerms + constant + (px - 1) * s.logMeanValue[i] + px * s.logX[i] - (px + q) * Math.log(gamma + x * s.meanValue[i]));
  }
  return sum;
}

/** The Gamma-Gamma log-likelihood of the repeat customers' mean spends. */
export function gammaGammaLogLikelihood(parameters: GammaGammaParameters, spend: RepeatSpend): number {
  return logLikelihoodOf(parameters, prepare(spend));
}

/** Maximum-likelihood Gamma-Gamma fit over the customers with repeat purchases (Nelder–Mead on log-parameters). */
export function fitGammaGamma(spend: RepeatSpend): GammaGammaFit {
  const prepared = prepare(spend);
  if (prepared.customers <= 0) throw new RangeError('fitting Gamma-Gamma needs at least one customer with repeat purchases');
  const fromLog = ([p, q, gamma]: number[]): GammaGammaParameters => ({ p: Math.exp(p), q: Math.exp(q), gamma: Math.exp(gamma) });
  const minimum = nelderMead((point) => -logLikelihoodOf(fromLog(point), prepared) / prepared.customers, [0, 0, 0], {
    functionTolerance: 1e-11,
    pointTolerance: 1e-7,
  });
  const parameters = fromLog(minimum.point);
  return { parameters, logLikelihood: logLikelihoodOf(parameters, prepared), customers: prepared.customers, evaluations: minimum.evaluations };
}

/**
 * E[M | x, z̄]: the customer's expected amount per purchase, a weighted average of their own mean
 * z̄ and the population mean pγ/(q − 1), their own mean weighing more the more they bought.
 * A customer without repeat purchases gets the population mean. Needs q > 1 (a finite mean).
 */
export function expectedAverageSpend({ p, q, gamma }: GammaGammaParameters, repeatPurchases: number, meanRepeatValue: number): number {
  if (!(q > 1)) throw new RangeError(`the expected spend needs q > 1 (got ${q})`);
  return (p * (gamma + repeatPurchases * meanRepeatValue)) / (p * repeatPurchases + q - 1);
}
