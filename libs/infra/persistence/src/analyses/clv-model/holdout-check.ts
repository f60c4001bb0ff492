import { compressHistories, expectedPurchases } from '@marea/domain/analyses';
import type { ClvHoldout } from '@marea/contracts';
import type { HoldoutHistories } from './read-purchase-histories';
import { bgNbdParameters, daysHistories, fitPurchaseModel } from './fit-clv-model';

/** Fewer customers known at the cut-off than this and the check says nothing. */
const MINIMUM_CALIBRATION_CUSTOMERS = 10;

/**
 * The holdout check: BG/NBD calibrated on the tickets up to the cut-off, its expected repeat
 * purchases in each following week summed over the customers known at the cut-off, against the
 * tickets they really had. E[Y(t)] is cumulative, so a week's prediction is E[Y(7w)] − E[Y(7(w−1))],
 * computed once per distinct calibration history and weighted by how many customers share it.
 */
export function holdoutCheck(holdout: HoldoutHistories): (Omit<ClvHoldout, 'cutoff'> & { cutoffDay: number }) | null {
  const calibration = daysHistories(holdout.firstDay, holdout.lastDay, holdout.repeatPurchases, holdout.cutoffDay, (i) => holdout.firstDay[i] >= 0);
  if (calibration.repeatPurchases.length < MINIMUM_CALIBRATION_CUSTOMERS) return null;
  const parameters = bgNbdParameters(fitPurchaseModel(calibration));
  const distinct = compressHistories(calibration);
  const predicted = new Float64Array(holdout.weeks);
  for (let row = 0; row < distinct.repeatPurchases.length; row++) {
    const history = { repeatPurchases: distinct.repeatPurchases[row], lastPurchaseAt: distinct.lastPurchaseAt[row], observedFor: distinct.observedFor[row] };
    const weight = distinct.weights?.[row] ?? 1;
    let before = 0;
    for (let week = 1; week <= holdout.weeks; week++) {
      const byThen = expectedPurchases(parameters, history, 7 * week);
      predicted[week - 1] += weight * (byThen - before);
      before = byThen;
    }
  }
  const weeks = Array.from(predicted, (value, i) => ({ week: i + 1, predicted: Math.round(value * 100) / 100, actual: holdout.actualPerWeek[i] }));
  return {
    cutoffDay: holdout.cutoffDay,
    weeks,
    predictedTotal: Math.round(predicted.reduce((sum, value) => sum + value, 0) * 100) / 100,
    actualTotal: holdout.actualPerWeek.reduce((sum, value) => sum + value, 0),
  };
}
