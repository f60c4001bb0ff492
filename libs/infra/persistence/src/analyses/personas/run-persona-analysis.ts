import { compileSegmentRule, type CompiledSegmentRule } from '@marea/domain/segments';
import type { DataSource } from 'typeorm';
import { readSegmentCatalogue } from '../../segment-sql/read-segment-catalogue';
import { clusterPersonaMatrix } from './cluster-persona-matrix';
import { PersonaAnalysisFailure, PersonaAnalysisInterrupted, reportPersonaProgress, type ClaimedPersonaAnalysis } from './persona-analysis-lease';
import { personaMatrixStatement } from './persona-matrix-sql';
import { readPersonaMatrix } from './read-persona-matrix';
import { storePersonaResult } from './store-persona-result';

/** Share of the progress bar each phase takes: the matrix, the restarts, then silhouette, suggestion and storing. */
const MATRIX_DONE = 0.15;
const RESTARTS_DONE = 0.8;

/** The audience rule compiled now; a rule that no longer compiles (a segment it named is gone) fails the analysis. */
async function compiledAudience(dataSource: DataSource, job: ClaimedPersonaAnalysis, now: Date): Promise<CompiledSegmentRule | null> {
  if (!job.parameters.audience) return null;
  const compiled = compileSegmentRule(job.parameters.audience, { now, catalogue: await readSegmentCatalogue(dataSource), plan: 'whole-base' });
  if (!compiled.ok) {
    const problems = compiled.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`).join('; ');
    throw new PersonaAnalysisFailure(`The audience rule cannot be evaluated: ${problems}`);
  }
  return compiled;
}

/**
 * One analysis from its parameters to its stored result: the matrix in SQL, the numeric work
 * of the domain, the result written only while this worker still holds the analysis. Timings
 * of each phase are stored with it.
 */
export async function runPersonaAnalysis(
  dataSource: DataSource,
  job: ClaimedPersonaAnalysis,
  worker: string,
  now: Date = new Date(),
  keepGoing: () => boolean = () => true,
): Promise<void> {
  const { attribute, unit, transformation, clusters: k, restarts, seed } = job.parameters;
  const started = performance.now();
  const audience = await compiledAudience(dataSource, job, now);
  const { customerIds, values, matrix } = await readPersonaMatrix(dataSource, personaMatrixStatement({ attribute, unit }, audience, now));
  const matrixMs = performance.now() - started;
  if (values.length === 0) {
    throw new PersonaAnalysisFailure(`No customer of the audience bought a product with a value of "${attribute}".`);
  }
  if (matrix.rows < k) {
    throw new PersonaAnalysisFailure(
      `${k} clusters need at least ${k} customers; the audience has ${matrix.rows} who bought a product with a value of "${attribute}".`,
    );
  }
  await reportPersonaProgress(dataSource, job, worker, MATRIX_DONE);

  const clusteringStarted = performance.now();
  const result = await clusterPersonaMatrix(matrix, values, { k, restarts, seed, transformation }, async (finished, total) => {
    if (!keepGoing()) throw new PersonaAnalysisInterrupted(job.id);
    await reportPersonaProgress(dataSource, job, worker, MATRIX_DONE + ((RESTARTS_DONE - MATRIX_DONE) * finished) / total);
  });
  const clusteringMs = performance.now() - clusteringStarted;
  await storePersonaResult(dataSource, job, worker, {
    customerIds,
    values,
    result,
    timings: { matrixMs: Math.round(matrixMs), clusteringMs: Math.round(clusteringMs), ...result.timings, rows: matrix.rows, columns: matrix.cols },
  });
}
