import { PersonaAnalysisResult, PersonaAnalysisSummary, type PersonaCluster } from '@marea/contracts';

/** Whether a path parameter can be a bigint id at all (anything else is simply not found). */
export const isRowId = (id: string): boolean => /^[1-9]\d{0,18}$/.test(id);

/** The columns of a summary, for every statement that answers one. */
export const SUMMARY_COLUMNS = `a.id::text, a.code, a.name, a.parameters, a.status, a.progress, a.error, a.created_at, a.finished_at,
  a.customers, a.inertia, a.silhouette`;

export interface SummaryRow {
  id: string;
  code: string;
  name: string;
  parameters: unknown;
  status: string;
  progress: number;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  customers: number | null;
  inertia: number | null;
  silhouette: number | null;
}

export interface ResultRow extends SummaryRow {
  value_names: string[];
  population_mean: number[];
  cluster_count_suggestion: { k: number; inertia: number; silhouette: number }[] | null;
  suggested_clusters: number | null;
}

export interface ClusterRow {
  cluster: number;
  name: string;
  suggested_name: string;
  size: number;
  centroid: number[];
  lifts: number[];
  propensity: string[];
}

export function summaryOf(row: SummaryRow): PersonaAnalysisSummary {
  return PersonaAnalysisSummary.parse({
    id: row.id,
    code: row.code,
    name: row.name,
    parameters: row.parameters,
    status: row.status,
    progress: Number(row.progress),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    customers: row.customers,
    inertia: row.inertia,
    silhouette: row.silhouette,
  });
}

export function clusterOf(row: ClusterRow): PersonaCluster {
  return {
    cluster: row.cluster,
    name: row.name,
    suggestedName: row.suggested_name,
    size: row.size,
    centroid: row.centroid,
    lifts: row.lifts,
    propensity: row.propensity as PersonaCluster['propensity'],
  };
}

export function resultOf(row: ResultRow, clusters: ClusterRow[]): PersonaAnalysisResult {
  return PersonaAnalysisResult.parse({
    ...summaryOf(row),
    values: row.value_names,
    populationMean: row.population_mean,
    clusters: clusters.map(clusterOf),
    clusterCountSuggestion: row.cluster_count_suggestion,
    suggestedClusters: row.suggested_clusters,
  });
}
