import type { PurchaseHistories } from './purchase-history';

/**
 * Merges identical (x, t_x, T) rows into one weighted row. Likelihoods are sums over customers,
 * so a row of weight w contributes w times its term: the fit is unchanged and costs as many rows
 * as there are distinct histories. With times in whole days a base of a million customers has
 * only some tens of thousands of distinct histories, most of them the one-time buyers of each
 * first-purchase day.
 */
export function compressHistories(histories: PurchaseHistories): PurchaseHistories {
  const { repeatPurchases, lastPurchaseAt, observedFor, weights } = histories;
  const rowOf = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const age: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < repeatPurchases.length; i++) {
    const key = `${repeatPurchases[i]} ${lastPurchaseAt[i]} ${observedFor[i]}`;
    const row = rowOf.get(key);
    const w = weights ? weights[i] : 1;
    if (row === undefined) {
      rowOf.set(key, x.length);
      x.push(repeatPurchases[i]);
      tx.push(lastPurchaseAt[i]);
      age.push(observedFor[i]);
      weight.push(w);
    } else {
      weight[row] += w;
    }
  }
  return {
    repeatPurchases: Float64Array.from(x),
    lastPurchaseAt: Float64Array.from(tx),
    observedFor: Float64Array.from(age),
    weights: Float64Array.from(weight),
  };
}
