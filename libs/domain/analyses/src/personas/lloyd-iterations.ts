import { squaredDistance, type DenseMatrix } from './dense-matrix';
import { rowSquaredNorms, sparseRows, sparseSquaredDistance, type SparseRows } from './sparse-rows';

export interface LloydOptions {
  maxIterations: number;
  /**
   * Stop early when the centroids' total squared movement falls below this fraction of the
   * data's mean column variance (scikit-learn's rule); 0 waits until no row changes cluster.
   */
  tolerance: number;
}

export interface Clustering {
  /** k × cols, row-major. */
  centroids: Float64Array;
  /** The cluster (0 … k−1) of each row. */
  assignments: Int32Array;
  sizes: Int32Array;
  /** Within-cluster sum of squared distances. */
  inertia: number;
  iterations: number;
  /** True when no row changed cluster in the last iteration. */
  converged: boolean;
}

/**
 * Lloyd's algorithm from the given centroids, accelerated with Hamerly's bounds (2010): each row
 * keeps an upper bound on the distance to its centroid and a lower bound on the distance to any
 * other, updated by how far the centroids moved, and distances are only computed for rows whose
 * bounds no longer prove they stay put. The result is exactly Lloyd's; after the first few
 * iterations most rows are skipped. A cluster that empties takes the row farthest from its
 * centroid, as scikit-learn does.
 */
export function lloydIterations(
  matrix: DenseMatrix,
  initialCentroids: Float64Array,
  options: LloydOptions,
  prepared: PreparedMatrix = prepareMatrix(matrix),
): Clustering {
  const { rows: n, cols } = matrix;
  const { rows } = prepared;
  const k = initialCentroids.length / cols;
  const centroids = Float64Array.from(initialCentroids);
  const assignments = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const sums = new Float64Array(k * cols);
  const counts = new Int32Array(k);
  const movement = new Float64Array(k);
  const halfGap = new Float64Array(k);
  const centroidNorms = rowSquaredNorms(centroids, cols, new Float64Array(k));
  const { offsets, columns, values: entries } = rows;
  const shiftLimit = options.tolerance * prepared.meanColumnVariance;

  const assignFully = (i: number): number => {
    let best = 0;
    let bestDistance = Infinity;
    let second = Infinity;
    for (let c = 0; c < k; c++) {
      const d = sparseSquaredDistance(rows, i, centroids, c, cols, centroidNorms[c]);
      if (d < bestDistance) {
        second = bestDistance;
        bestDistance = d;
        best = c;
      } else if (d < second) second = d;
    }
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(second);
    return best;
  };
  const moveRow = (i: number, from: number, to: number) => {
    counts[from]--;
    counts[to]++;
    for (let at = offsets[i]; at < offsets[i + 1]; at++) {
      sums[from * cols + columns[at]] -= entries[at];
      sums[to * cols + columns[at]] += entries[at];
    }
    assignments[i] = to;
  };

  for (let i = 0; i < n; i++) {
    const c = (assignments[i] = assignFully(i));
    counts[c]++;
    for (let at = offsets[i]; at < offsets[i + 1]; at++) sums[c * cols + columns[at]] += entries[at];
  }

  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    iterations++;
    refillEmptyClusters(matrix, centroids, assignments, counts, upper, lower, moveRow);
    const totalShift = moveCentroids(centroids, sums, counts, cols, movement);
    rowSquaredNorms(centroids, cols, centroidNorms);
    loosenBounds(assignments, upper, lower, movement);
    if (totalShift <= shiftLimit && options.tolerance > 0) break;
    nearestOtherHalfGaps(centroids, k, cols, halfGap);

    let changed = 0;
    for (let i = 0; i < n; i++) {
      const current = assignments[i];
      const proof = halfGap[current] > lower[i] ? halfGap[current] : lower[i];
      if (upper[i] <= proof) continue;
      upper[i] = Math.sqrt(sparseSquaredDistance(rows, i, centroids, current, cols, centroidNorms[current]));
      if (upper[i] <= proof) continue;
      const best = assignFully(i);
      if (best !== current) {
        moveRow(i, current, best);
        changed++;
      }
    }
    if (changed === 0) {
      converged = true;
      break;
    }
  }
  return finalise(matrix, rows, centroids, centroidNorms, assignments, iterations, converged);
}

/** Gives each empty cluster the row farthest from its own centroid (rare: only with degenerate data or starts). */
function refillEmptyClusters(
  { rows: n, cols, values }: DenseMatrix,
  centroids: Float64Array,
  assignments: Int32Array,
  counts: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  moveRow: (i: number, from: number, to: number) => void,
): void {
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > 0) continue;
    let farthest = -1;
    let farthestDistance = -1;
    for (let i = 0; i < n; i++) {
      if (counts[assignments[i]] <= 1) continue; // do not empty another cluster
      const d = squaredDistance(values, i, centroids, assignments[i], cols);
      if (d > farthestDistance) {
        farthestDistance = d;
        farthest = i;
      }
    }
    if (farthest < 0) return;
    moveRow(farthest, assignments[farthest], c);
    upper[farthest] = 0;
    lower[farthest] = 0;
  }
}

/** Moves each centroid to the mean of its rows; returns the total squared movement and fills `movement` with each distance. */
function moveCentroids(centroids: Float64Array, sums: Float64Array, counts: Int32Array, cols: number, movement: Float64Array): number {
  let total = 0;
  for (let c = 0; c < counts.length; c++) {
    let squared = 0;
    if (counts[c] > 0) {
      for (let j = 0; j < cols; j++) {
        const next = sums[c * cols + j] / counts[c];
        const difference = next - centroids[c * cols + j];
        squared += difference * difference;
        centroids[c * cols + j] = next;
      }
    }
    movement[c] = Math.sqrt(squared);
    total += squared;
  }
  return total;
}

/** After centroids move by `movement`, a row's upper bound grows by its centroid's move and its lower bound shrinks by the largest other move. */
function loosenBounds(assignments: Int32Array, upper: Float64Array, lower: Float64Array, movement: Float64Array): void {
  let largest = 0;
  let largestCluster = -1;
  let secondLargest = 0;
  for (let c = 0; c < movement.length; c++) {
    if (movement[c] > largest) {
      secondLargest = largest;
      largest = movement[c];
      largestCluster = c;
    } else if (movement[c] > secondLargest) secondLargest = movement[c];
  }
  if (largest === 0) return;
  for (let i = 0; i < assignments.length; i++) {
    upper[i] += movement[assignments[i]];
    lower[i] -= assignments[i] === largestCluster ? secondLargest : largest;
  }
}

/** Half the distance from each centroid to its nearest other centroid: a row closer than that to its centroid cannot be closer to another. */
function nearestOtherHalfGaps(centroids: Float64Array, k: number, cols: number, halfGap: Float64Array): void {
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const half = 0.5 * Math.sqrt(squaredDistance(centroids, a, centroids, b, cols));
      if (half < halfGap[a]) halfGap[a] = half;
      if (half < halfGap[b]) halfGap[b] = half;
    }
  }
}

/**
 * The reported clustering: after convergence the centroids are recomputed exactly from their rows
 * (the running sums drift by rounding); after an early stop every row goes to its nearest final
 * centroid. The inertia is then computed exactly.
 */
function finalise(
  matrix: DenseMatrix,
  rows: SparseRows,
  centroids: Float64Array,
  centroidNorms: Float64Array,
  assignments: Int32Array,
  iterations: number,
  converged: boolean,
): Clustering {
  const { rows: n, cols, values } = matrix;
  const k = centroids.length / cols;
  const sizes = new Int32Array(k);
  if (converged) {
    const sums = new Float64Array(k * cols);
    for (let i = 0; i < n; i++) {
      sizes[assignments[i]]++;
      for (let j = 0; j < cols; j++) sums[assignments[i] * cols + j] += values[i * cols + j];
    }
    for (let c = 0; c < k; c++) if (sizes[c] > 0) for (let j = 0; j < cols; j++) centroids[c * cols + j] = sums[c * cols + j] / sizes[c];
  } else {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const d = sparseSquaredDistance(rows, i, centroids, c, cols, centroidNorms[c]);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      assignments[i] = best;
      sizes[best]++;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(values, i, centroids, assignments[i], cols);
  return { centroids, assignments, sizes, inertia, iterations, converged };
}

/** What every restart on one matrix shares: its sparse rows and the scale of the stopping tolerance. */
export interface PreparedMatrix {
  rows: SparseRows;
  meanColumnVariance: number;
}

export function prepareMatrix(matrix: DenseMatrix): PreparedMatrix {
  const { rows, cols, values } = matrix;
  const sums = new Float64Array(cols);
  const squares = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j];
      sums[j] += v;
      squares[j] += v * v;
    }
  }
  let total = 0;
  for (let j = 0; j < cols; j++) total += squares[j] / rows - (sums[j] / rows) ** 2;
  return { rows: sparseRows(matrix), meanColumnVariance: total / cols };
}
