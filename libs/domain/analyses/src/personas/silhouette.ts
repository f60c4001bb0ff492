import { seededRandom } from '../random/seeded-random';
import type { DenseMatrix } from './dense-matrix';

export interface SilhouetteOptions {
  /** Above this many rows the score is computed on a seeded random sample of this size (default 3,000). */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette (Rousseeuw 1987): for each row, (b − a) / max(a, b) with a its mean distance
 * to its own cluster and b its mean distance to the nearest other cluster; rows alone in their
 * cluster count 0. Exact — O(n²) distances — up to `sampleSize` rows; above that, computed among a
 * seeded random sample of rows (as scikit-learn's `sample_size`), which estimates the exact
 * score within about ±0.01 at 3,000 rows and keeps a million-row analysis at a few seconds.
 */
export function silhouetteScore(matrix: DenseMatrix, assignments: Int32Array, k: number, options: SilhouetteOptions = {}): number {
  const sampleSize = options.sampleSize ?? 3000;
  const rows = matrix.rows <= sampleSize ? identity(matrix.rows) : sampleRows(matrix.rows, sampleSize, options.seed ?? 0);
  const m = rows.length;
  const { cols, values } = matrix;
  const distanceSums = new Float64Array(m * k); // row × cluster: sum of distances to that cluster's sampled rows
  const clusterSizes = new Float64Array(k);
  for (let s = 0; s < m; s++) clusterSizes[assignments[rows[s]]]++;
  for (let s = 0; s < m; s++) {
    const a = rows[s] * cols;
    for (let t = s + 1; t < m; t++) {
      const b = rows[t] * cols;
      let squared = 0;
      for (let j = 0; j < cols; j++) {
        const difference = values[a + j] - values[b + j];
        squared += difference * difference;
      }
      const distance = Math.sqrt(squared);
      distanceSums[s * k + assignments[rows[t]]] += distance;
      distanceSums[t * k + assignments[rows[s]]] += distance;
    }
  }
  let total = 0;
  for (let s = 0; s < m; s++) {
    const own = assignments[rows[s]];
    if (clusterSizes[own] <= 1) continue;
    const cohesion = distanceSums[s * k + own] / (clusterSizes[own] - 1);
    let separation = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && clusterSizes[c] > 0) separation = Math.min(separation, distanceSums[s * k + c] / clusterSizes[c]);
    if (separation === Infinity) continue;
    const spread = Math.max(cohesion, separation);
    total += spread > 0 ? (separation - cohesion) / spread : 0;
  }
  return m > 0 ? total / m : 0;
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** `size` distinct rows out of `n`, by a seeded partial Fisher–Yates shuffle. */
function sampleRows(n: number, size: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const rows = identity(n);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows.slice(0, size);
}
