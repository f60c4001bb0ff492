import { irisLloydLabelsFromR, irisMatrix } from '../testing/iris';
import { matrixFromRows } from './dense-matrix';
import { kMeans } from './kmeans';
import { lloydIterations } from './lloyd-iterations';

const PUBLISHED_CENTROIDS = [
  [5.006, 3.428, 1.462, 0.246],
  [5.9016, 2.7484, 4.3935, 1.4339],
  [6.85, 3.0737, 5.7421, 2.0711],
];

describe('k-means on R’s iris with k = 3', () => {
  const iris = irisMatrix();
  const result = kMeans(iris, { k: 3, seed: 7 });
  const centroidRows = [0, 1, 2].map((c) => Array.from(result.centroids.subarray(c * 4, c * 4 + 4)));
  // Clusters come out in any order; match them to the published ones by their first coordinate.
  const order = [0, 1, 2].sort((a, b) => centroidRows[a][0] - centroidRows[b][0]);

  it('reaches the known optimum: within-cluster sum of squares 78.8514', () => {
    expect(result.inertia).toBeCloseTo(78.8514, 4);
    expect(result.converged).toBe(true);
  });

  it('finds the published centroids and sizes 50 / 62 / 38', () => {
    order.forEach((cluster, i) => centroidRows[cluster].forEach((value, j) => expect(value).toBeCloseTo(PUBLISHED_CENTROIDS[i][j], 3)));
    expect(order.map((cluster) => result.sizes[cluster])).toEqual([50, 62, 38]);
  });

  it('gives the same clusters for the same seed and reports every restart', () => {
    const again = kMeans(iris, { k: 3, seed: 7 });
    expect(Array.from(again.assignments)).toEqual(Array.from(result.assignments));
    expect(result.restartInertias).toHaveLength(10);
    expect(Math.min(...result.restartInertias)).toBe(result.inertia);
  });

  it('assigns every flower as R’s Lloyd does from rows 1, 51 and 101', () => {
    const start = Float64Array.from([0, 50, 100].flatMap((row) => Array.from(iris.values.subarray(row * 4, row * 4 + 4))));
    const lloyd = lloydIterations(iris, start, { maxIterations: 100, tolerance: 0 });
    expect(Array.from(lloyd.assignments, (c) => c + 1)).toEqual(irisLloydLabelsFromR());
  });
});

describe('k-means edge cases', () => {
  it('keeps every cluster populated when the start puts two centroids on one point', () => {
    const points = matrixFromRows([[0], [0.1], [10], [10.1], [20], [20.1]]);
    const clustering = lloydIterations(points, Float64Array.of(0, 0, 20), { maxIterations: 50, tolerance: 0 });
    expect(Array.from(clustering.sizes).every((size) => size > 0)).toBe(true);
    expect(clustering.inertia).toBeCloseTo(0.015, 10);
  });

  it('refuses more clusters than customers', () => {
    expect(() => kMeans(matrixFromRows([[1], [2]]), { k: 3, seed: 1 })).toThrow(/at least 3 rows/);
  });
});
