import { departmentTicketsPerHousehold } from '../testing/complete-journey';
import { kMeans } from './kmeans';
import { transformMatrix } from './matrix-transformation';

/**
 * An independent k-means, written apart from the product code and as plainly as possible:
 * Forgy starts (k distinct random rows), Lloyd's iterations until no row moves, arrays of arrays.
 * Its best inertia over 50 starts is the reference the product's k-means must reach.
 */
function plainKMeansInertia(rows: number[][], k: number, seed: number): number {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * rows.length));
  let centroids = [...picked].map((i) => [...rows[i]]);
  const nearest = (row: number[]) => {
    const distances = centroids.map((c) => c.reduce((sum, value, j) => sum + (row[j] - value) ** 2, 0));
    return distances.indexOf(Math.min(...distances));
  };
  let labels = rows.map(nearest);
  for (let iteration = 0; iteration < 1000; iteration++) {
    centroids = centroids.map((old, c) => {
      const members = rows.filter((_, i) => labels[i] === c);
      return members.length === 0 ? old : old.map((_, j) => members.reduce((sum, row) => sum + row[j], 0) / members.length);
    });
    const next = rows.map(nearest);
    if (next.every((label, i) => label === labels[i])) break;
    labels = next;
  }
  return rows.reduce((sum, row, i) => sum + centroids[labels[i]].reduce((s, value, j) => s + (row[j] - value) ** 2, 0), 0);
}

describe('k-means on Complete Journey departments (tickets per household per department)', () => {
  const { matrix, departments, households } = departmentTicketsPerHousehold();

  it('reads 2,374 households over the 26 departments (3 of the sample’s 2,377 bought only products without one)', () => {
    expect(households).toHaveLength(2374);
    expect(departments).toHaveLength(26);
  });

  it.each([
    ['none', 6],
    ['log1p', 6],
  ] as const)('with transformation %s and k = %d its inertia is within 1 %% of the best of 50 independent restarts', (transformation, k) => {
    const data = transformMatrix(matrix, transformation);
    const rows = Array.from({ length: data.rows }, (_, i) => Array.from(data.values.subarray(i * data.cols, (i + 1) * data.cols)));
    let reference = Infinity;
    for (let restart = 1; restart <= 50; restart++) reference = Math.min(reference, plainKMeansInertia(rows, k, restart * 7919));
    const ours = kMeans(data, { k, seed: 2024 });
    expect(ours.inertia).toBeLessThanOrEqual(reference * 1.01);
  });
});
