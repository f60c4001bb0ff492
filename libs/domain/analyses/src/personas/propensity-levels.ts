import { clusterMeans, columnMeans, type DenseMatrix } from './dense-matrix';

/** How inclined a cluster is to buy an attribute value, compared with the whole audience. */
export type PropensityLevel = 'high' | 'medium' | 'low' | 'zero';

/**
 * Thresholds on the lift = cluster mean / audience mean of a value, read on the untransformed
 * figures: high from `high` up, medium from `medium`, low above `zero`, zero below it.
 */
export interface PropensityThresholds {
  high: number;
  medium: number;
  zero: number;
}

/**
 * High: at least 1.5× the audience (half as much again); medium: 0.75–1.5×, around the audience;
 * low: under three quarters of it; zero: under 5 %, the cluster practically never buys it.
 */
export const DEFAULT_PROPENSITY_THRESHOLDS: PropensityThresholds = { high: 1.5, medium: 0.75, zero: 0.05 };

export interface ClusterPropensity {
  cluster: number;
  size: number;
  /** Per attribute value, in the matrix's column order. */
  means: number[];
  lifts: number[];
  levels: PropensityLevel[];
}

export function propensityLevel(lift: number, thresholds: PropensityThresholds = DEFAULT_PROPENSITY_THRESHOLDS): PropensityLevel {
  if (lift >= thresholds.high) return 'high';
  if (lift >= thresholds.medium) return 'medium';
  if (lift >= thresholds.zero) return 'low';
  return 'zero';
}

/**
 * Each cluster's mean, lift and level per attribute value on the original matrix (not the
 * transformed one, so "2× the audience" means twice the tickets or twice the share). A value
 * nobody in the audience bought has lift 0. The lifts are what the heatmap colours: above 1
 * (blue) more than the audience, below 1 (red) less.
 */
export function clusterPropensities(
  original: DenseMatrix,
  assignments: Int32Array,
  k: number,
  thresholds: PropensityThresholds = DEFAULT_PROPENSITY_THRESHOLDS,
): ClusterPropensity[] {
  const audience = columnMeans(original);
  const means = clusterMeans(original, assignments, k);
  const sizes = new Array<number>(k).fill(0);
  for (const c of assignments) sizes[c]++;
  return sizes.map((size, cluster) => {
    const row = Array.from(means.values.subarray(cluster * original.cols, (cluster + 1) * original.cols));
    const lifts = row.map((mean, j) => (audience[j] > 0 ? mean / audience[j] : 0));
    return { cluster, size, means: row, lifts, levels: lifts.map((lift) => propensityLevel(lift, thresholds)) };
  });
}
