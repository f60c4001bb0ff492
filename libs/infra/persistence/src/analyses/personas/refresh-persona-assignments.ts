import { PersonaAnalysisParameters } from '@marea/contracts';
import { denseMatrix, squaredDistance } from '@marea/domain/analyses';
import type { CompiledSegmentRule } from '@marea/domain/segments';
import type { DataSource } from 'typeorm';
import { personaMatrixStatement } from './persona-matrix-sql';
import { readPersonaMatrix } from './read-persona-matrix';
import { transformWithScale, type ColumnScale } from './transformation-scale';

export interface PersonaRefreshSummary {
  analyses: number;
  customers: number;
  /** Customers whose nearest centroid is another cluster now. */
  moved: number;
}

interface RefreshedAnalysis {
  id: string;
  parameters: unknown;
  value_names: string[];
  transformation_scale: ColumnScale | null;
}

/**
 * Places every customer of the newest done analysis of each code (codes are unique, so every
 * done analysis) in the cluster whose centroid is nearest to their purchases as of `now`: the
 * matrix is built again over the analysis's own customers and values, transformed with the
 * analysis's stored scale, and compared with the stored centroids of the transformed space.
 * The clusters themselves (centroids, propensities, names) stay as the analysis found them;
 * only assignments and sizes follow the customers. The nightly refresh calls this.
 */
export async function refreshPersonaAssignments(dataSource: DataSource, now: Date): Promise<PersonaRefreshSummary> {
  const analyses = await dataSource.query<RefreshedAnalysis[]>(
    `SELECT DISTINCT ON (code) id::text, parameters, value_names, transformation_scale
     FROM persona_analyses WHERE status = 'done' ORDER BY code, finished_at DESC, id DESC`,
  );
  const summary: PersonaRefreshSummary = { analyses: 0, customers: 0, moved: 0 };
  for (const analysis of analyses) {
    const moved = await refreshOne(dataSource, analysis, now);
    summary.analyses++;
    summary.customers += moved.customers;
    summary.moved += moved.moved;
  }
  return summary;
}

async function refreshOne(dataSource: DataSource, analysis: RefreshedAnalysis, now: Date): Promise<{ customers: number; moved: number }> {
  const parameters = PersonaAnalysisParameters.parse(analysis.parameters);
  const members: CompiledSegmentRule = { ok: true, sql: 'SELECT customer_id FROM persona_assignments WHERE analysis_id = $1', params: [analysis.id] };
  const current = await readPersonaMatrix(dataSource, personaMatrixStatement(parameters, members, now));
  // Today's values in the analysis's column order; a value the analysis did not know is left out.
  const cols = analysis.value_names.length;
  const columnOf = new Map(analysis.value_names.map((value, j) => [value, j]));
  const values = new Float64Array(current.matrix.rows * cols);
  current.values.forEach((value, from) => {
    const to = columnOf.get(value);
    if (to === undefined) return;
    for (let i = 0; i < current.matrix.rows; i++) values[i * cols + to] = current.matrix.values[i * current.matrix.cols + from];
  });
  const transformed = transformWithScale(denseMatrix(current.matrix.rows, cols, values), parameters.transformation, analysis.transformation_scale);
  const centroidRows = await dataSource.query<{ cluster: number; model_centroid: number[] }[]>(
    `SELECT cluster, model_centroid FROM persona_clusters WHERE analysis_id = $1 ORDER BY cluster`,
    [analysis.id],
  );
  const centroids = Float64Array.from(centroidRows.flatMap((row) => row.model_centroid));
  const clusters = new Int32Array(transformed.rows);
  for (let i = 0; i < transformed.rows; i++) {
    let best = 0;
    let nearest = Infinity;
    for (let c = 0; c < centroidRows.length; c++) {
      const distance = squaredDistance(transformed.values, i, centroids, c, cols);
      if (distance < nearest) {
        nearest = distance;
        best = centroidRows[c].cluster;
      }
    }
    clusters[i] = best;
  }
  return dataSource.transaction(async (db) => {
    const moved = await db.query<unknown[]>(
      `WITH moved AS (
         UPDATE persona_assignments pa SET cluster = x.cluster
         FROM unnest($2::bigint[], $3::smallint[]) AS x(customer_id, cluster)
         WHERE pa.analysis_id = $1 AND pa.customer_id = x.customer_id AND pa.cluster <> x.cluster
         RETURNING 1
       ) SELECT * FROM moved`,
      [analysis.id, Array.from(current.customerIds), Array.from(clusters)],
    );
    await db.query(
      `UPDATE persona_clusters cl SET size = coalesce((SELECT count(*) FROM persona_assignments pa WHERE pa.analysis_id = cl.analysis_id AND pa.cluster = cl.cluster), 0)
       WHERE cl.analysis_id = $1`,
      [analysis.id],
    );
    return { customers: transformed.rows, moved: moved.length };
  });
}
