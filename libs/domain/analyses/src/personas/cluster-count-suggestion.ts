import type { DenseMatrix } from './dense-matrix';
import { kMeans } from './kmeans';
import { silhouetteScore } from './silhouette';

export interface ClusterCountCandidate {
  k: number;
  inertia: number;
  silhouette: number;
}

export interface ClusterCountSuggestion {
  candidates: ClusterCountCandidate[];
  /** Where the inertia curve bends most (the "elbow"). */
  elbowK: number;
  /** The k with the best silhouette. */
  bestSilhouetteK: number;
  /** The k proposed to the user (see `suggestClusterCount`). */
  suggestedK: number;
}

export interface ClusterCountOptions {
  seed: number;
  minK?: number;
  maxK?: number;
  /** Restarts per k (default 3: a suggestion, not the final analysis). */
  restarts?: number;
  silhouetteSampleSize?: number;
}

/** Silhouettes closer than this to the best one count as equally good. */
export const SILHOUETTE_TIE = 0.02;

/**
 * Suggests a number of clusters between `minK` and `maxK` (3–9 by default) from both usual
 * criteria: runs k-means for each k, then among the k whose silhouette is within
 * SILHOUETTE_TIE of the best, proposes the one nearest the elbow of the inertia curve (the
 * smaller on a tie). Silhouette alone tends to prefer few clusters, the elbow alone is vague;
 * together they give a k that separates well and is where extra clusters stop paying off.
 */
export function suggestClusterCount(matrix: DenseMatrix, options: ClusterCountOptions): ClusterCountSuggestion {
  const minK = options.minK ?? 3;
  const maxK = options.maxK ?? 9;
  if (!Number.isInteger(minK) || !Number.isInteger(maxK) || minK < 2 || maxK < minK) throw new RangeError(`need whole 2 ≤ minK ≤ maxK (got ${minK}, ${maxK})`);
  const candidates: ClusterCountCandidate[] = [];
  for (let k = minK; k <= Math.min(maxK, matrix.rows - 1); k++) {
    const clustering = kMeans(matrix, { k, seed: options.seed + k, restarts: options.restarts ?? 3 });
    const silhouette = silhouetteScore(matrix, clustering.assignments, k, { sampleSize: options.silhouetteSampleSize, seed: options.seed });
    candidates.push({ k, inertia: clustering.inertia, silhouette });
  }
  if (candidates.length === 0) throw new RangeError(`${matrix.rows} rows are too few to compare ${minK}…${maxK} clusters`);
  const elbowK = elbowOf(candidates);
  const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const nearlyBest = candidates.filter((c) => c.silhouette >= best.silhouette - SILHOUETTE_TIE);
  const suggested = nearlyBest.reduce((a, b) => (Math.abs(b.k - elbowK) < Math.abs(a.k - elbowK) ? b : a));
  return { candidates, elbowK, bestSilhouetteK: best.k, suggestedK: suggested.k };
}

/**
 * The elbow as in "Kneedle" (Satopää et al. 2011): with k and inertia both scaled to [0, 1],
 * the point farthest below the straight line from the first candidate to the last.
 */
export function elbowOf(candidates: readonly { k: number; inertia: number }[]): number {
  if (candidates.length < 3) return candidates[0].k;
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  const inertiaRange = first.inertia - last.inertia || 1;
  let elbow = first.k;
  let farthest = -Infinity;
  for (const c of candidates) {
    const x = (c.k - first.k) / (last.k - first.k);
    const y = (c.inertia - last.inertia) / inertiaRange;
    const below = 1 - x - y;
    if (below > farthest) {
      farthest = below;
      elbow = c.k;
    }
  }
  return elbow;
}
