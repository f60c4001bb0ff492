import {
  compressHistories,
  fitBgNbd,
  fitGammaGamma,
  type BgNbdParameters,
  type GammaGammaParameters,
  type PurchaseHistories,
} from '@marea/domain/analyses';
import type { BgNbdFit, GammaGammaFit } from '@marea/contracts';

/** Below this many repeat customers Gamma-Gamma's three parameters are not worth estimating. */
export const MINIMUM_REPEAT_CUSTOMERS_FOR_SPEND = 10;

export interface ClvModelParameters {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit | null;
  repeatCustomers: number;
}

/** BG/NBD of columns of first/last day and repeats observed until `windowEndDay`, in days. */
export function daysHistories(firstDay: Int32Array, lastDay: Int32Array, repeatPurchases: Float64Array, windowEndDay: number, include?: (i: number) => boolean): PurchaseHistories {
  const rows: number[] = [];
  for (let i = 0; i < firstDay.length; i++) if (!include || include(i)) rows.push(i);
  return {
    repeatPurchases: Float64Array.from(rows, (i) => repeatPurchases[i]),
    lastPurchaseAt: Float64Array.from(rows, (i) => lastDay[i] - firstDay[i]),
    // A store ahead of the account's time zone can date a ticket after the account's "today".
    observedFor: Float64Array.from(rows, (i) => Math.max(windowEndDay, lastDay[i]) - firstDay[i]),
  };
}

/** BG/NBD over the compressed histories (identical (x, t_x, T) rows merged: the same fit, fewer rows). */
export function fitPurchaseModel(histories: PurchaseHistories): BgNbdFit {
  const fit = fitBgNbd(compressHistories(histories));
  return { ...fit.parameters, logLikelihood: fit.logLikelihood };
}

/**
 * Gamma-Gamma over the repeat customers with a positive mean repeat ticket (a free order cannot
 * come from a Gamma), or null when there are too few of them or the fit has no finite mean
 * spend (q ≤ 1), in which case a customer's own mean ticket stands in.
 */
export function fitSpendModel(repeatPurchases: Float64Array, meanRepeatValue: Float64Array): { fit: GammaGammaFit | null; repeatCustomers: number } {
  const usable = Float64Array.from(repeatPurchases, (x, i) => (x > 0 && meanRepeatValue[i] > 0 ? x : 0));
  const repeatCustomers = usable.reduce((count, x) => count + (x > 0 ? 1 : 0), 0);
  if (repeatCustomers < MINIMUM_REPEAT_CUSTOMERS_FOR_SPEND) return { fit: null, repeatCustomers };
  const fit = fitGammaGamma({ repeatPurchases: usable, meanRepeatValue });
  if (!(fit.parameters.q > 1)) return { fit: null, repeatCustomers };
  return { fit: { ...fit.parameters, logLikelihood: fit.logLikelihood }, repeatCustomers };
}

export const bgNbdParameters = ({ r, alpha, a, b }: BgNbdFit): BgNbdParameters => ({ r, alpha, a, b });
export const gammaGammaParameters = ({ p, q, gamma }: GammaGammaFit): GammaGammaParameters => ({ p, q, gamma });
