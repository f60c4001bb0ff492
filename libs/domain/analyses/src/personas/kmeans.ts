import { nextSeed, seededRandom } from '../random/seeded-random';
import type { DenseMatrix } from './dense-matrix';
import { kMeansPlusPlus } from './kmeans-plus-plus';
import { lloydIterations, prepareMatrix, type Clustering } from './lloyd-iterations';

export interface KMeansOptions {
  k: number;
  /** The analysis's stored seed: the same seed and data always give the same clusters. */
  seed: number;
  /** Independent k-means++ starts; the one with the lowest inertia wins (default 10). */
  restarts?: number;
  maxIterations?: number;
  /** See `LloydOptions.tolerance` (default 1e-4, as scikit-learn). */
  tolerance?: number;
}

export interface KMeansResult extends Clustering {
  k: number;
  /** Inertia of every restart, in order: how stable the answer is. */
  restartInertias: number[];
}

/**
 * k-means: `restarts` runs of k-means++ followed by Lloyd iterations, each with its own seed drawn
 * from `seed`, keeping the run with the lowest within-cluster sum of squares.
 */
export function kMeans(matrix: DenseMatrix, options: KMeansOptions): KMeansResult {
  const { k, seed } = options;
  const restarts = options.restarts ?? 10;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1 (got ${k})`);
  if (matrix.rows < k) throw new RangeError(`k-means with k = ${k} needs at least ${k} rows (got ${matrix.rows})`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`restarts must be a whole number ≥ 1 (got ${restarts})`);
  const lloyd = { maxIterations: options.maxIterations ?? 300, tolerance: options.tolerance ?? 1e-4 };

  const prepared = prepareMatrix(matrix); // built once, shared by every restart
  const seeds = seededRandom(seed);
  let best: Clustering | undefined;
  const restartInertias: number[] = [];
  for (let restart = 0; restart < restarts; restart++) {
    const random = seededRandom(nextSeed(seeds));
    const clustering = lloydIterations(matrix, kMeansPlusPlus(matrix, k, random, prepared.rows), lloyd, prepared);
    restartInertias.push(clustering.inertia);
    if (!best || clustering.inertia < best.inertia) best = clustering;
  }
  return { ...(best as Clustering), k, restartInertias };
}
