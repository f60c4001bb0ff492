import { matrixFromRows, squaredDistance } from './dense-matrix';
import { rowSquaredNorms, sparseRows, sparseSquaredDistance } from './sparse-rows';

describe('sparse rows', () => {
  it('give the same distances as the plain formula, never below zero', () => {
    const matrix = matrixFromRows([
      [0, 3, 0, 1],
      [2, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 3, 0, 1],
    ]);
    const rows = sparseRows(matrix);
    expect(Array.from(rows.offsets)).toEqual([0, 2, 3, 3, 5]);
    const centroids = Float64Array.of(0.5, 1.5, 0, 0.5, 0, 3, 0, 1);
    const norms = rowSquaredNorms(centroids, 4, new Float64Array(2));
    for (let i = 0; i < 4; i++) {
      for (let c = 0; c < 2; c++) {
        expect(sparseSquaredDistance(rows, i, centroids, c, 4, norms[c])).toBeCloseTo(squaredDistance(matrix.values, i, centroids, c, 4), 12);
      }
    }
    expect(sparseSquaredDistance(rows, 0, matrix.values, 3, 4, rows.squaredNorms[3])).toBe(0);
  });
});
