import type { DenseMatrix } from './dense-matrix';

/**
 * The non-zero entries of each row (compressed sparse rows) and each row's squared norm. A
 * customer buys a few of the attribute values, so most of a persona matrix is zeros; distances
 * are computed as ‖x‖² + ‖c‖² − 2·x·c with the dot product over the row's non-zeros only. On a
 * dense matrix (e.g. standardised) this costs the same as the plain formula.
 */
export interface SparseRows {
  offsets: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  squaredNorms: Float64Array;
}

export function sparseRows({ rows, cols, values }: DenseMatrix): SparseRows {
  let nonZeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonZeros++;
  const offsets = new Int32Array(rows + 1);
  const columns = new Int32Array(nonZeros);
  const entries = new Float64Array(nonZeros);
  const squaredNorms = new Float64Array(rows);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j];
      if (v !== 0) {
        columns[at] = j;
        entries[at++] = v;
        norm += v * v;
      }
    }
    squaredNorms[i] = norm;
    offsets[i + 1] = at;
  }
  return { offsets, columns, values: entries, squaredNorms };
}

/** Squared distance from row `row` to row `target` of a row-major `targets` array (`cols` wide) whose squared norm is `targetNorm`. */
export function sparseSquaredDistance(rows: SparseRows, row: number, targets: Float64Array, target: number, cols: number, targetNorm: number): number {
  const base = target * cols;
  let dot = 0;
  for (let at = rows.offsets[row], end = rows.offsets[row + 1]; at < end; at++) dot += rows.values[at] * targets[base + rows.columns[at]];
  const squared = rows.squaredNorms[row] + targetNorm - 2 * dot;
  return squared > 0 ? squared : 0; // rounding can take a zero distance slightly below 0
}

/** Squared norm of each `cols`-wide row of `targets` (the centroids), written into `norms`. */
export function rowSquaredNorms(targets: Float64Array, cols: number, norms: Float64Array): Float64Array {
  for (let c = 0; c < norms.length; c++) {
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += targets[c * cols + j] ** 2;
    norms[c] = norm;
  }
  return norms;
}
