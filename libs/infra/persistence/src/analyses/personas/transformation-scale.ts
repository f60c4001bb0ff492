import type { PersonaTransformation } from '@marea/contracts';
import { denseMatrix, transformMatrix, type DenseMatrix } from '@marea/domain/analyses';

/**
 * Standardisation's column means and deviations as the analysis computed them. Placing a
 * customer again later (the nightly refresh) must scale with these, not with the base of that
 * night, or the stored centroids would sit in another space.
 */
export interface ColumnScale {
  means: number[];
  deviations: number[];
}

/** The domain's standardisation figures (population deviation; a constant column has 0). */
export function columnScale({ rows, cols, values }: DenseMatrix): ColumnScale {
  const means: number[] = [];
  const deviations: number[] = [];
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < rows; i++) {
      sum += values[i * cols + j];
      squares += values[i * cols + j] ** 2;
    }
    const mean = sum / Math.max(rows, 1);
    means.push(mean);
    deviations.push(Math.sqrt(Math.max(squares / Math.max(rows, 1) - mean * mean, 0)));
  }
  return { means, deviations };
}

/**
 * The analysis's transformation applied with its own stored scale: per-row transformations
 * (none, row_normalise, log1p) need none; standardise uses the analysis's means and deviations.
 */
export function transformWithScale(matrix: DenseMatrix, transformation: PersonaTransformation, scale: ColumnScale | null): DenseMatrix {
  if (transformation !== 'standardise') {
    return transformMatrix(matrix, transformation === 'row_normalise' ? 'customer-normalised' : transformation);
  }
  if (!scale) throw new Error('a standardised analysis has no stored scale');
  const { rows, cols } = matrix;
  const values = Float64Array.from(matrix.values);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const deviation = scale.deviations[j];
      values[i * cols + j] = deviation > 0 ? (values[i * cols + j] - scale.means[j]) / deviation : 0;
    }
  }
  return denseMatrix(rows, cols, values);
}
