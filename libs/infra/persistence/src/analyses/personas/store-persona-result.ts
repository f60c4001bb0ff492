import type { DataSource, EntityManager } from 'typeorm';
import type { ClusteredPersonas } from './cluster-persona-matrix';
import { LostPersonaLease, type ClaimedPersonaAnalysis } from './persona-analysis-lease';

/** Assignments written per statement: a few MB of parameters. */
const ASSIGNMENT_CHUNK = 50_000;

export interface PersonaResultToStore {
  customerIds: Float64Array;
  values: readonly string[];
  result: ClusteredPersonas;
  timings: Record<string, number>;
}

/** Every customer's cluster, in chunks of unnest()ed arrays. */
export async function insertAssignments(db: EntityManager, analysisId: string, customerIds: Float64Array, assignments: Int32Array): Promise<void> {
  for (let from = 0; from < customerIds.length; from += ASSIGNMENT_CHUNK) {
    const to = Math.min(from + ASSIGNMENT_CHUNK, customerIds.length);
    await db.query(
      `INSERT INTO persona_assignments (analysis_id, customer_id, cluster)
       SELECT $1, customer_id, cluster FROM unnest($2::bigint[], $3::smallint[]) AS a(customer_id, cluster)`,
      [analysisId, Array.from(customerIds.subarray(from, to)), Array.from(assignments.subarray(from, to))],
    );
  }
}

/**
 * Writes clusters, assignments and figures in one transaction, and only if this worker still
 * holds the analysis (the status change is the fence): a worker whose lease was taken over
 * writes nothing.
 */
export async function storePersonaResult(dataSource: DataSource, job: ClaimedPersonaAnalysis, worker: string, stored: PersonaResultToStore): Promise<void> {
  const { result, values, customerIds } = stored;
  await dataSource.transaction(async (db) => {
    const held = await db.query(`SELECT 1 FROM persona_analyses WHERE id = $1 AND claimed_by = $2 AND status = 'running' FOR UPDATE`, [job.id, worker]);
    if (held.length === 0) throw new LostPersonaLease(job.id);
    await db.query(
      `INSERT INTO persona_clusters (analysis_id, cluster, name, suggested_name, size, centroid, lifts, propensity, model_centroid)
       SELECT $1, c.cluster, c.name, c.name, c.size, c.centroid, c.lifts, c.propensity, c.model_centroid
       FROM jsonb_to_recordset($2::jsonb) AS c(cluster smallint, name text, size int, centroid float8[], lifts float8[], propensity text[], model_centroid float8[])`,
      [
        job.id,
        JSON.stringify(
          result.clusters.map((c) => ({
            cluster: c.cluster,
            name: c.suggestedName,
            size: c.size,
            centroid: c.centroid,
            lifts: c.lifts,
            propensity: c.propensity,
            model_centroid: c.modelCentroid,
          })),
        ),
      ],
    );
    await insertAssignments(db, job.id, customerIds, result.assignments);
    await db.query(
      `UPDATE persona_analyses
       SET status = 'done', progress = 1, finished_at = now(), claimed_by = NULL, error = NULL,
           customers = $2, inertia = $3, silhouette = $4, value_names = $5, population_mean = $6,
           transformation_scale = $7, cluster_count_suggestion = $8, suggested_clusters = $9, timings = $10
       WHERE id = $1`,
      [
        job.id,
        customerIds.length,
        result.inertia,
        result.silhouette,
        values,
        result.populationMean,
        result.scale && JSON.stringify(result.scale),
        result.suggestion && JSON.stringify(result.suggestion.candidates),
        result.suggestion?.suggestedK ?? null,
        JSON.stringify({ ...stored.timings, restartInertias: result.restartInertias }),
      ],
    );
  });
}
