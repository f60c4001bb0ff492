import {
  CustomerSummary,
  type PersonaAnalysisPage,
  type PersonaAnalysisParameters,
  type PersonaAnalysisResult,
  type PersonaAnalysisSummary,
  type PersonaCluster,
  type PersonaClusterCustomerPage,
} from '@marea/contracts';
import type { DataSource } from 'typeorm';
import { firstFreeCode, personaCodeBase } from './persona-analysis-code';
import { clusterOf, isRowId as isId, resultOf, summaryOf, SUMMARY_COLUMNS, type ClusterRow, type ResultRow, type SummaryRow } from './persona-analysis-rows';

const UNIQUE_VIOLATION = '23505';

/**
 * Queues an analysis (its row is the job) under a code made from its name, unique among all
 * analyses. The parameters are stored as given plus the seed, so a rerun can repeat them.
 */
export async function queuePersonaAnalysis(
  dataSource: DataSource,
  parameters: PersonaAnalysisParameters & { seed: number },
  createdBy: string | null,
): Promise<PersonaAnalysisSummary> {
  const base = personaCodeBase(parameters.name);
  for (let attempt = 1; ; attempt++) {
    const taken = await dataSource.query<{ code: string }[]>(
      `SELECT code FROM persona_analyses WHERE code = $1 OR code LIKE $2`,
      [base, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`],
    );
    const code = firstFreeCode(base, new Set(taken.map((row) => row.code)));
    try {
      const [row] = await dataSource.query<SummaryRow[]>(
        `INSERT INTO persona_analyses AS a (code, name, parameters, created_by) VALUES ($1, $2, $3, $4) RETURNING ${SUMMARY_COLUMNS}`,
        [code, parameters.name, JSON.stringify(parameters), createdBy],
      );
      return summaryOf(row);
    } catch (error) {
      // Two analyses of the same name created at once: the loser takes the next number.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
    }
  }
}

/** Newest first. */
export async function listPersonaAnalyses(dataSource: DataSource, page: number, pageSize: number): Promise<PersonaAnalysisPage> {
  const rows = await dataSource.query<SummaryRow[]>(
    `SELECT ${SUMMARY_COLUMNS} FROM persona_analyses a ORDER BY a.created_at DESC, a.id DESC LIMIT $1 OFFSET $2`,
    [pageSize, (page - 1) * pageSize],
  );
  const [{ total }] = await dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM persona_analyses`);
  return { items: rows.map(summaryOf), page, pageSize, total };
}


/** The analysis with its clusters (none until it is done); null when there is no such analysis. */
export async function readPersonaAnalysis(dataSource: DataSource, id: string): Promise<PersonaAnalysisResult | null> {
  if (!isId(id)) return null;
  const [row] = await dataSource.query<ResultRow[]>(
    `SELECT ${SUMMARY_COLUMNS}, a.value_names, a.population_mean, a.cluster_count_suggestion, a.suggested_clusters
     FROM persona_analyses a WHERE a.id = $1`,
    [id],
  );
  if (!row) return null;
  const clusters = await dataSource.query<ClusterRow[]>(
    `SELECT cluster, name, suggested_name, size, centroid, lifts, propensity FROM persona_clusters WHERE analysis_id = $1 ORDER BY cluster`,
    [id],
  );
  return resultOf(row, clusters);
}

/** Renames a cluster (what `persona_cluster` conditions test); null when there is no such cluster. */
export async function renamePersonaCluster(dataSource: DataSource, id: string, cluster: number, name: string): Promise<PersonaCluster | null> {
  if (!isId(id)) return null;
  const [row] = await dataSource.query<ClusterRow[]>(
    `WITH renamed AS (
       UPDATE persona_clusters SET name = $3 WHERE analysis_id = $1 AND cluster = $2
       RETURNING cluster, name, suggested_name, size, centroid, lifts, propensity
     ) SELECT * FROM renamed`,
    [id, cluster, name],
  );
  return row ? clusterOf(row) : null;
}

/** Whether the analysis has that cluster (it is done and k is larger than the index). */
export async function personaClusterExists(dataSource: DataSource, id: string, cluster: number): Promise<boolean> {
  if (!isId(id)) return false;
  const rows = await dataSource.query(`SELECT 1 FROM persona_clusters WHERE analysis_id = $1 AND cluster = $2`, [id, cluster]);
  return rows.length > 0;
}

/** The customers of a cluster in id order; null when there is no such cluster. */
export async function listPersonaClusterCustomers(
  dataSource: DataSource,
  id: string,
  cluster: number,
  page: number,
  pageSize: number,
): Promise<PersonaClusterCustomerPage | null> {
  if (!(await personaClusterExists(dataSource, id, cluster))) return null;
  const rows = await dataSource.query<
    { id: string; external_id: string; first_name: string | null; last_name: string | null; email: string | null; phone: string | null; city: string | null; created_at: Date }[]
  >(
    `SELECT c.id::text, c.external_id, c.first_name, c.last_name, c.email, c.phone, c.city, c.created_at
     FROM persona_assignments pa JOIN customers c ON c.id = pa.customer_id
     WHERE pa.analysis_id = $1 AND pa.cluster = $2
     ORDER BY pa.customer_id LIMIT $3 OFFSET $4`,
    [id, cluster, pageSize, (page - 1) * pageSize],
  );
  const [{ total }] = await dataSource.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM persona_assignments WHERE analysis_id = $1 AND cluster = $2`,
    [id, cluster],
  );
  const items = rows.map((row) =>
    CustomerSummary.parse({
      id: row.id,
      externalId: row.external_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      city: row.city,
      createdAt: row.created_at.toISOString(),
    }),
  );
  return { items, page, pageSize, total };
}
