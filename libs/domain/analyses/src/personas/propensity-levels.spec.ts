import { suggestClusterName } from './cluster-name';
import { matrixFromRows } from './dense-matrix';
import { clusterPropensities, propensityLevel, type ClusterPropensity } from './propensity-levels';

// Tickets per customer for Huerto, Plantas, Supermercado, Hogar (Pleasepoint's example shop).
const VALUES = ['Huerto', 'Plantas', 'Supermercado', 'Hogar'];
const tickets = matrixFromRows([
  [6, 4, 1, 0],
  [8, 6, 1, 0],
  [0, 0, 9, 1],
  [0, 1, 11, 1],
  [2, 2, 2, 2],
  [2, 2, 2, 2],
]);
const clusters = Int32Array.of(0, 0, 1, 1, 2, 2);

describe('propensity levels and cluster names', () => {
  const propensities = clusterPropensities(tickets, clusters, 3);

  it('reads each cluster against the audience: high from 1.5×, medium from 0.75×, zero under 5 %', () => {
    expect(propensities.map((p) => p.levels)).toEqual([
      ['high', 'high', 'low', 'zero'],
      ['zero', 'low', 'high', 'medium'],
      ['low', 'medium', 'low', 'high'],
    ]);
    expect(propensities[0].lifts[0]).toBeCloseTo(7 / 3, 12);
    expect(propensities.map((p) => p.size)).toEqual([2, 2, 2]);
  });

  it('names a cluster after its high values by lift, or its single strongest one', () => {
    expect(propensities.map((p) => suggestClusterName(p, VALUES))).toEqual(['Huerto + Plantas', 'Supermercado', 'Hogar']);
    const noHigh: ClusterPropensity = { cluster: 0, size: 1, means: [1, 1], lifts: [1.1, 1.2], levels: ['medium', 'medium'] };
    expect(suggestClusterName(noHigh, ['A', 'B'])).toBe('B');
  });

  it('takes thresholds a shop chose', () => {
    expect(propensityLevel(1.3, { high: 1.25, medium: 0.9, zero: 0.1 })).toBe('high');
    expect(propensityLevel(0.05)).toBe('low');
    expect(propensityLevel(0.04)).toBe('zero');
  });
});
