import { irisMatrix } from '../testing/iris';
import { matrixFromRows } from './dense-matrix';
import { kMeans } from './kmeans';
import { silhouetteScore } from './silhouette';

describe('silhouette', () => {
  it('matches a hand computation on two tight pairs far apart', () => {
    const points = matrixFromRows([[0], [1], [10], [11]]);
    // Row 0: a = 1, b = (10 + 11) / 2; row 1: a = 1, b = (9 + 10) / 2; rows 2 and 3 mirror them.
    const expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    expect(silhouetteScore(points, Int32Array.of(0, 0, 1, 1), 2)).toBeCloseTo(expected, 12);
  });

  it('scores clusters that cut through a group worse than the natural ones', () => {
    const points = matrixFromRows([[0], [1], [10], [11]]);
    expect(silhouetteScore(points, Int32Array.of(0, 1, 1, 1), 2)).toBeLessThan(silhouetteScore(points, Int32Array.of(0, 0, 1, 1), 2));
  });

  it('estimates the exact score from a seeded sample, the same for the same seed', () => {
    const iris = irisMatrix();
    const { assignments } = kMeans(iris, { k: 3, seed: 7 });
    const exact = silhouetteScore(iris, assignments, 3);
    const sampled = silhouetteScore(iris, assignments, 3, { sampleSize: 100, seed: 11 });
    expect(exact).toBeGreaterThan(0.5);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.05);
    expect(silhouetteScore(iris, assignments, 3, { sampleSize: 100, seed: 11 })).toBe(sampled);
  });
});
