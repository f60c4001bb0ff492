import { seededRandom } from '../random/seeded-random';
import { normalSample } from '../random/gamma-sampler';
import { matrixFromRows } from './dense-matrix';
import { elbowOf, suggestClusterCount } from './cluster-count-suggestion';

/** `groups` well separated groups of customers around the corners of a cube. */
function separatedGroups(groups: number, perGroup: number) {
  const random = seededRandom(3);
  const rows: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const centre = [g & 1, (g >> 1) & 1, (g >> 2) & 1].map((bit) => bit * 10);
    for (let i = 0; i < perGroup; i++) rows.push(centre.map((c) => c + normalSample(random)));
  }
  return matrixFromRows(rows);
}

describe('suggested number of clusters', () => {
  it('proposes 5 for five well separated groups, with elbow and silhouette agreeing', () => {
    const suggestion = suggestClusterCount(separatedGroups(5, 60), { seed: 1 });
    expect(suggestion.candidates.map((c) => c.k)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(suggestion).toMatchObject({ elbowK: 5, bestSilhouetteK: 5, suggestedK: 5 });
  });

  it('finds the elbow where the inertia curve bends most', () => {
    expect(elbowOf([3, 4, 5, 6, 7].map((k, i) => ({ k, inertia: [100, 60, 20, 18, 16][i] })))).toBe(5);
  });
});
