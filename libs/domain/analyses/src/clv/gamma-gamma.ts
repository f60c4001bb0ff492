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

/**
 * Rows the spend likelihood can use, reduced to what depends on the parameters: the Γ terms per
 * distinct x, ln(γ + x·z̄) per row, and two weighted sums that carry every other per-row
 * logarithm, since Σ w[(px − 1) ln z̄ + px ln x] = p·Σ w·x(ln z̄ + ln x) − Σ w·ln z̄.
 */
interface PreparedSpend {
  x: Float64Array;
  meanValue: Float64Array;
  weights: Float64Array;
  distinctX: number[];
  xIndex: Int32Array;
  weightedXLogs: number;
  weightedLogMeanValue: number;
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
  const x = Float64Array.from(rows, (i) => spend.repeatPurchases[i]);
  const meanValue = Float64Array.from(rows, (i) => spend.meanRepeatValue[i]);
  const weights = Float64Array.from(rows, (i) => (spend.weights ? spend.weights[i] : 1));
  const indexOfX = new Map<number, number>();
  const xIndex = Int32Array.from(x, (value) => {
    if (!indexOfX.has(value)) indexOfX.set(value, indexOfX.size);
    return indexOfX.get(value) as number;
  });
  let weightedXLogs = 0;
  let weightedLogMeanValue = 0;
  for (let i = 0; i < x.length; i++) {
    weightedXLogs += weights[i] * x[i] * (Math.log(meanValue[i]) + Math.log(x[i]));
    weightedLogMeanValue += weights[i] * Math.log(meanValue[i]);
  }
  return {
    x,
    meanValue,
    weights,
    distinctX: [...indexOfX.keys()],
    xIndex,
    weightedXLogs,
    weightedLogMeanValue,
    customers: weights.reduce((sum, w) => sum + w, 0),
  };
}

function logLikelihoodOf({ p, q, gamma }: GammaGammaParameters, s: PreparedSpend): number {
  const constant = -logGamma(q) + q * Math.log(gamma);
  const gammaTerms = s.distinctX.map((x) => logGamma(p * x + q) - logGamma(p * x) + constant); // once per distinct x
  let sum = p * s.weightedXLogs - s.weightedLogMeanValue;
  for (let i = 0; i < s.x.length; i++) {
    sum += s.weights[i] * (gammaTerms[s.xIndex[i]] - (p * s.x[i] + q) * Math.log(gamma + s.x[i] * s.meanValue[i]));
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
    functionTolerance: 1e-9,
    pointTolerance: 1e-5,
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
