/**
 * A customers × attribute-values matrix in one row-major Float64Array: row i, column j is at
 * values[i * cols + j]. One contiguous typed array keeps a million-row k-means in cache-friendly
 * loops without an object per customer.
 */
export interface DenseMatrix {
  rows: number;
  cols: number;
  values: Float64Array;
}

export function denseMatrix(rows: number, cols: number, values: Float64Array = new Float64Array(rows * cols)): DenseMatrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1) throw new RangeError(`a matrix needs whole rows ≥ 0 and cols ≥ 1 (got ${rows} × ${cols})`);
  if (values.length !== rows * cols) throw new RangeError(`a ${rows} × ${cols} matrix needs ${rows * cols} values (got ${values.length})`);
  return { rows, cols, values };
}

/** A matrix from rows of equal length. */
export function matrixFromRows(rows: readonly (readonly number[])[]): DenseMatrix {
  const cols = rows[0]?.length ?? 1;
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} values, row 0 has ${cols}`);
    values.set(row, i * cols);
  });
  return denseMatrix(rows.length, cols, values);
}

/** Squared euclidean distance between row `row` of `values` and row `other` of `others` (both `cols` wide). */
export function squaredDistance(values: Float64Array, row: number, others: Float64Array, other: number, cols: number): number {
  const a = row * cols;
  const b = other * cols;
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const difference = values[a + j] - others[b + j];
    sum += difference * difference;
  }
  return sum;
}

/** Mean of each column. */
export function columnMeans({ rows, cols, values }: DenseMatrix): Float64Array {
  const means = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) means[j] += values[i * cols + j];
  for (let j = 0; j < cols; j++) means[j] /= Math.max(rows, 1);
  return means;
}

/** Mean of each column over the rows of each cluster: a k × cols matrix (zeros for an empty cluster). */
export function clusterMeans({ rows, cols, values }: DenseMatrix, assignments: Int32Array, k: number): DenseMatrix {
  const sums = new Float64Array(k * cols);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const c = assignments[i];
    counts[c]++;
    for (let j = 0; j < cols; j++) sums[c * cols + j] += values[i * cols + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < cols; j++) sums[c * cols + j] /= Math.max(counts[c], 1);
  return denseMatrix(k, cols, sums);
}
