import { matrixFromRows } from './dense-matrix';
import { transformMatrix } from './matrix-transformation';

const tickets = matrixFromRows([
  [2, 6, 0],
  [0, 0, 0],
  [4, 2, 2],
]);
const rows = (m: { cols: number; values: Float64Array }) => Array.from({ length: m.values.length / m.cols }, (_, i) => Array.from(m.values.subarray(i * m.cols, (i + 1) * m.cols)));

describe('matrix transformations before clustering', () => {
  it('leaves the figures as they are with none, and never changes its input', () => {
    expect(rows(transformMatrix(tickets, 'none'))).toEqual(rows(tickets));
    transformMatrix(tickets, 'standardised');
    expect(rows(tickets)[0]).toEqual([2, 6, 0]);
  });

  it('turns each customer into their mix of purchases, leaving a customer without purchases at zero', () => {
    expect(rows(transformMatrix(tickets, 'customer-normalised'))).toEqual([
      [0.25, 0.75, 0],
      [0, 0, 0],
      [0.5, 0.25, 0.25],
    ]);
  });

  it('applies ln(1 + x)', () => {
    expect(rows(transformMatrix(tickets, 'log1p'))[0]).toEqual([Math.log(3), Math.log(7), 0]);
  });

  it('standardises every value to mean 0 and deviation 1', () => {
    const standardised = rows(transformMatrix(tickets, 'standardised'));
    for (let j = 0; j < 3; j++) {
      const column = standardised.map((row) => row[j]);
      const mean = column.reduce((a, b) => a + b) / 3;
      expect(mean).toBeCloseTo(0, 12);
      expect(column.reduce((sum, v) => sum + (v - mean) ** 2, 0) / 3).toBeCloseTo(1, 12);
    }
    expect(rows(transformMatrix(matrixFromRows([[5], [5]]), 'standardised'))).toEqual([[0], [0]]);
  });
});
