import type { PersonaTransformation, PropensityLevelName } from '@marea/contracts';
import {
  clusterPropensities,
  columnMeans,
  denseMatrix,
  kMeansPlusPlus,
  lloydIterations,
  nextSeed,
  prepareMatrix,
  seededRandom,
  silhouetteScore,
  suggestClusterCount,
  suggestClusterName,
  transformMatrix,
  type Clustering,
  type DenseMatrix,
  type MatrixTransformation,
} from '@marea/domain/analyses';
import { columnScale, type ColumnScale } from './transformation-scale';

/** The contract's names of the transformations, as the domain calls them. */
export const DOMAIN_TRANSFORMATION: Record<PersonaTransformation, MatrixTransformation> = {
  none: 'none',
  row_normalise: 'customer-normalised',
  log1p: 'log1p',
  standardise: 'standardised',
};

/** The k suggestion (3…9, three restarts each) runs on a seeded sample of at most this many customers. */
export const SUGGESTION_SAMPLE = 20_000;

export interface PersonaClusteringOptions {
  k: number;
  restarts: number;
  seed: number;
  transformation: PersonaTransformation;
}

export interface ClusteredPersonas {
  assignments: Int32Array;
  inertia: number;
  restartInertias: number[];
  silhouette: number;
  populationMean: number[];
  clusters: {
    cluster: number;
    suggestedName: string;
    size: number;
    centroid: number[];
    lifts: number[];
    propensity: PropensityLevelName[];
    modelCentroid: number[];
  }[];
  scale: ColumnScale | null;
  suggestion: { candidates: { k: number; inertia: number; silhouette: number }[]; suggestedK: number } | null;
  /** Milliseconds of each step, stored with the analysis (what the benchmark reports). */
  timings: { restartsMs: number; silhouetteMs: number; suggestionMs: number };
}

/** `size` rows out of the matrix by a seeded partial shuffle, kept in their original order. */
function sampleOf(matrix: DenseMatrix, size: number, seed: number): DenseMatrix {
  if (matrix.rows <= size) return matrix;
  const random = seededRandom(seed);
  const order = Int32Array.from({ length: matrix.rows }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (matrix.rows - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const chosen = order.slice(0, size).sort();
  const values = new Float64Array(size * matrix.cols);
  chosen.forEach((row, i) => values.set(matrix.values.subarray(row * matrix.cols, (row + 1) * matrix.cols), i * matrix.cols));
  return denseMatrix(size, matrix.cols, values);
}

/**
 * The analysis's numeric work, all of it the domain's (docs/analyses.md): transformation,
 * k-means++ with restarts, silhouette (sampled above 3,000 rows), propensity levels on the
 * untransformed matrix, suggested names, and the k suggestion over 3…9. The restarts are the
 * domain's `kMeans` loop unrolled here — same seeds in the same order, so the same clusters —
 * to report progress and let the event loop breathe between restarts.
 */
export async function clusterPersonaMatrix(
  matrix: DenseMatrix,
  values: readonly string[],
  options: PersonaClusteringOptions,
  onRestart: (finished: number, total: number) => Promise<void>,
): Promise<ClusteredPersonas> {
  const { k, restarts, seed } = options;
  const transformation = DOMAIN_TRANSFORMATION[options.transformation];
  const started = performance.now();
  const transformed = transformMatrix(matrix, transformation);
  const prepared = prepareMatrix(transformed);
  const seeds = seededRandom(seed);
  let best: Clustering | undefined;
  const restartInertias: number[] = [];
  for (let restart = 0; restart < restarts; restart++) {
    const random = seededRandom(nextSeed(seeds));
    const clustering = lloydIterations(transformed, kMeansPlusPlus(transformed, k, random, prepared.rows), { maxIterations: 300, tolerance: 1e-4 }, prepared);
    restartInertias.push(clustering.inertia);
    if (!best || clustering.inertia < best.inertia) best = clustering;
    await onRestart(restart + 1, restarts);
  }
  const winner = best as Clustering;
  const restartsDone = performance.now();
  const silhouette = silhouetteScore(transformed, winner.assignments, k, { seed });
  const propensities = clusterPropensities(matrix, winner.assignments, k);
  const silhouetteDone = performance.now();
  const suggestion =
    transformed.rows > 3 ? suggestClusterCount(sampleOf(transformed, SUGGESTION_SAMPLE, seed), { seed, minK: 3, maxK: 9 }) : null;
  const timings = {
    restartsMs: Math.round(restartsDone - started),
    silhouetteMs: Math.round(silhouetteDone - restartsDone),
    suggestionMs: Math.round(performance.now() - silhouetteDone),
  };
  return {
    assignments: winner.assignments,
    inertia: winner.inertia,
    restartInertias,
    silhouette,
    populationMean: Array.from(columnMeans(matrix)),
    clusters: propensities.map((p) => ({
      cluster: p.cluster,
      suggestedName: suggestClusterName(p, values),
      size: p.size,
      centroid: p.means,
      lifts: p.lifts,
      propensity: p.levels,
      modelCentroid: Array.from(winner.centroids.subarray(p.cluster * matrix.cols, (p.cluster + 1) * matrix.cols)),
    })),
    scale: transformation === 'standardised' ? columnScale(matrix) : null,
    suggestion: suggestion && { candidates: suggestion.candidates, suggestedK: suggestion.suggestedK },
    timings,
  };
}
