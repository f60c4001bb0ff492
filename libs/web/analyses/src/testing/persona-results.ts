import type { PersonaAnalysisResult, PersonaCluster } from '@marea/contracts';
import { propensityLevel } from '@marea/domain/analyses';

const VALUES = ['Huerto ECO', 'Plantas', 'Hogar'];
/** Tickets per customer of the whole audience, per value. */
const AUDIENCE = [2, 1, 0.5];

function cluster(index: number, name: string, size: number, centroid: number[]): PersonaCluster {
  const lifts = centroid.map((mean, v) => mean / AUDIENCE[v]);
  return { cluster: index, name, suggestedName: name, size, centroid, lifts, propensity: lifts.map((lift) => propensityLevel(lift)) };
}

/**
 * A done analysis of a garden shop's departments with four clusters, the audience's means and
 * each cluster's means chosen so the lifts are round: ×4 and ×0 at the extremes, ×2 and ×½ between.
 */
export function aDoneAnalysis(overrides: Partial<PersonaAnalysisResult> = {}): PersonaAnalysisResult {
  return {
    id: '7',
    code: 'departments-2026',
    name: 'Departments 2026',
    parameters: { name: 'Departments 2026', attribute: 'department', unit: 'tickets', transformation: 'none', clusters: 4, audience: null, restarts: 10, seed: 42 },
    status: 'done',
    progress: 1,
    error: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:00:12.000Z',
    customers: 1000,
    inertia: 812.5,
    silhouette: 0.412,
    values: VALUES,
    populationMean: AUDIENCE,
    clusters: [
      cluster(0, 'Huerto + Plantas', 250, [8, 2, 0.5]),
      cluster(1, 'Hogar', 300, [1, 0.5, 2]),
      cluster(2, 'Plantas', 200, [2, 4, 0]),
      cluster(3, 'Global', 250, [2, 1, 0.5]),
    ],
    clusterCountSuggestion: [
      { k: 3, inertia: 990.1, silhouette: 0.38 },
      { k: 4, inertia: 812.5, silhouette: 0.412 },
      { k: 5, inertia: 760.2, silhouette: 0.35 },
    ],
    suggestedClusters: 4,
    ...overrides,
  };
}

/** The same analysis while it runs: no clusters yet. */
export function aRunningAnalysis(progress: number): PersonaAnalysisResult {
  return aDoneAnalysis({ status: 'running', progress, finishedAt: null, customers: null, inertia: null, silhouette: null, values: [], populationMean: [], clusters: [], clusterCountSuggestion: null, suggestedClusters: null });
}
