import { PersonaAnalysisParameters } from '@marea/contracts';
import type { DataSource } from 'typeorm';

/** An analysis this worker holds: nobody else runs it while the lease is fresh. */
export interface ClaimedPersonaAnalysis {
  id: string;
  parameters: PersonaAnalysisParameters & { seed: number };
  attempts: number;
}

/** The lease was taken over (this process was too slow to report) or the analysis is gone: stop, write nothing. */
export class LostPersonaLease extends Error {
  constructor(id: string) {
    super(`persona analysis ${id} is no longer held by this worker`);
    this.name = 'LostPersonaLease';
  }
}

/** This process is stopping: the analysis goes back to the queue for the next worker. */
export class PersonaAnalysisInterrupted extends Error {
  constructor(id: string) {
    super(`persona analysis ${id} was interrupted by its process stopping`);
    this.name = 'PersonaAnalysisInterrupted';
  }
}

/** A reason an analysis cannot be done that the user can act on; stored as its error. */
export class PersonaAnalysisFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonaAnalysisFailure';
  }
}

/** An analysis whose process ended this many times before finishing fails instead of trying again. */
export const MAX_PERSONA_ATTEMPTS = 3;

/**
 * Takes the oldest queued analysis, or a running one whose lease has not been renewed for
 * `leaseSeconds` (its process ended). FOR UPDATE SKIP LOCKED and the status change in one
 * statement: two processes never take the same analysis.
 */
export async function claimPersonaAnalysis(dataSource: DataSource, worker: string, leaseSeconds: number): Promise<ClaimedPersonaAnalysis | null> {
  const [row] = await dataSource.query<{ id: string; parameters: unknown; attempts: number }[]>(
    `WITH claimed AS (
       UPDATE persona_analyses a
       SET status = 'running', claimed_by = $1, heartbeat_at = now(), started_at = coalesce(a.started_at, now()),
           attempts = a.attempts + 1, progress = 0
       WHERE a.id = (
         SELECT id FROM persona_analyses
         WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $2))
         ORDER BY created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING a.id::text, a.parameters, a.attempts
     ) SELECT * FROM claimed`,
    [worker, leaseSeconds],
  );
  if (!row) return null;
  const parameters = PersonaAnalysisParameters.parse(row.parameters) as ClaimedPersonaAnalysis['parameters'];
  return { id: row.id, parameters, attempts: row.attempts };
}

/** Renews the lease and records the progress; throws LostPersonaLease when the analysis is no longer ours. */
export async function reportPersonaProgress(dataSource: DataSource, job: ClaimedPersonaAnalysis, worker: string, progress: number): Promise<void> {
  const rows: unknown[] = await dataSource.query(
    `WITH renewed AS (
       UPDATE persona_analyses SET progress = $3, heartbeat_at = now()
       WHERE id = $1 AND claimed_by = $2 AND status = 'running' RETURNING 1
     ) SELECT * FROM renewed`,
    [job.id, worker, Math.min(Math.max(progress, 0), 1)],
  );
  if (rows.length === 0) throw new LostPersonaLease(job.id);
}

/** Marks the analysis failed with a readable reason, if this worker still holds it. */
export async function failPersonaAnalysis(dataSource: DataSource, id: string, worker: string, error: string): Promise<void> {
  await dataSource.query(
    `UPDATE persona_analyses SET status = 'failed', error = $3, finished_at = now(), claimed_by = NULL
     WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
    [id, worker, error],
  );
}

/** Gives an analysis this worker holds back to the queue (its process is stopping). */
export async function requeuePersonaAnalysis(dataSource: DataSource, id: string, worker: string): Promise<void> {
  await dataSource.query(
    `UPDATE persona_analyses SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL, progress = 0, attempts = attempts - 1
     WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
    [id, worker],
  );
}
