import { denseMatrix, type DenseMatrix } from './dense-matrix';

/**
 * How the customer × value matrix is reshaped before clustering:
 * - `none`: raw figures (ticket counts or spend shares);
 * - `customer-normalised`: each customer's row divided by its total, so clusters reflect the mix
 *   of what a customer buys, not how much (a row of zeros stays zeros);
 * - `log1p`: ln(1 + x), which tames heavy buyers without losing zeros;
 * - `standardised`: each value's column to mean 0 and standard deviation 1 (a constant column becomes 0),
 *   so rare values weigh as much as common ones.
 */
export type MatrixTransformation = 'none' | 'customer-normalised' | 'log1p' | 'standardised';

export const MATRIX_TRANSFORMATIONS: readonly MatrixTransformation[] = ['none', 'customer-normalised', 'log1p', 'standardised'];

/** A transformed copy; the input is left as it is (propensities are read on the original figures). */
export function transformMatrix(matrix: DenseMatrix, transformation: MatrixTransformation): DenseMatrix {
  const { rows, cols } = matrix;
  const values = Float64Array.from(matrix.values);
  switch (transformation) {
    case 'none':
      break;
    case 'customer-normalised':
      for (let i = 0; i < rows; i++) {
        let total = 0;
        for (let j = 0; j < cols; j++) total += values[i * cols + j];
        if (total !== 0) for (let j = 0; j < cols; j++) values[i * cols + j] /= total;
      }
      break;
    case 'log1p':
      for (let i = 0; i < values.length; i++) values[i] = Math.log1p(values[i]);
      break;
    case 'standardised':
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        let squares = 0;
        for (let i = 0; i < rows; i++) {
          sum += values[i * cols + j];
          squares += values[i * cols + j] ** 2;
        }
        const mean = sum / rows;
        const deviation = Math.sqrt(Math.max(squares / rows - mean * mean, 0));
        for (let i = 0; i < rows; i++) values[i * cols + j] = deviation > 0 ? (values[i * cols + j] - mean) / deviation : 0;
      }
      break;
    default: {
      const unknown: never = transformation;
      throw new RangeError(`unknown transformation ${String(unknown)}`);
    }
  }
  return denseMatrix(rows, cols, values);
}
