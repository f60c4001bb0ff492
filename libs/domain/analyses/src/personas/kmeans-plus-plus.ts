import type { RandomSource } from '../random/seeded-random';
import type { DenseMatrix } from './dense-matrix';
import { sparseRows, sparseSquaredDistance, type SparseRows } from './sparse-rows';

/**
 * Initial centroids by greedy k-means++ (Arthur & Vassilvitskii 2007, with the local trials of
 * scikit-learn): the first centroid is a random row; each next one is the best of `trials`
 * candidates drawn with probability proportional to their squared distance to the nearest
 * centroid so far, "best" meaning the one that lowers the total squared distance most. Expected
 * to start within O(log k) of the optimum, so few Lloyd iterations are needed.
 */
export function kMeansPlusPlus(
  matrix: DenseMatrix,
  k: number,
  random: RandomSource,
  rows: SparseRows = sparseRows(matrix),
  trials = 2 + Math.floor(Math.log(k)),
): Float64Array {
  const { rows: n, cols, values } = matrix;
  const centroids = new Float64Array(k * cols);
  const first = Math.floor(random() * n);
  centroids.set(values.subarray(first * cols, first * cols + cols), 0);

  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = sparseSquaredDistance(rows, i, values, first, cols, rows.squaredNorms[first]);
  let candidate = new Float64Array(n);
  let bestCandidate = new Float64Array(n);
  const cumulative = new Float64Array(n);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i];
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      // Every row already coincides with a centroid: any row will do.
      const row = potential > 0 ? lowerBound(cumulative, random() * potential) : Math.floor(random() * n);
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        const d = sparseSquaredDistance(rows, i, values, row, cols, rows.squaredNorms[row]);
        trialPotential += candidate[i] = d < closest[i] ? d : closest[i];
      }
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestRow = row;
        [candidate, bestCandidate] = [bestCandidate, candidate];
      }
    }
    centroids.set(values.subarray(bestRow * cols, bestRow * cols + cols), c * cols);
    [closest, bestCandidate] = [bestCandidate, closest];
    potential = bestPotential;
  }
  return centroids;
}

/** The first index whose cumulative weight exceeds `target`, skipping zero-weight rows. */
function lowerBound(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}
