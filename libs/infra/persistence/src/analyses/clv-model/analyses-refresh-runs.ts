import type { DataSource } from 'typeorm';
import { AnalysesRefreshRun, type AnalysesRefreshStep } from '@marea/contracts';

interface RunRow {
  id: string;
  trigger: AnalysesRefreshRun['trigger'];
  status: AnalysesRefreshRun['status'];
  started_at: Date;
  finished_at: Date | null;
  steps: AnalysesRefreshStep[];
  error: string | null;
}

/** Any number: the lock only has to be the same for every Marea process. */
const REFRESH_RUN_LOCK = 0x416e6c79; // "Anly"

/** Holds the analyses refresh's advisory lock on a connection of its own until `release`. */
export interface RefreshLock {
  release(): Promise<void>;
}

/**
 * Takes the nightly refresh's PostgreSQL advisory lock (session level, on a connection kept for
 * the run), or answers null at once when another process or request holds it: two API processes
 * never run the refresh together.
 */
export async function tryRefreshLock(dataSource: DataSource): Promise<RefreshLock | null> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [REFRESH_RUN_LOCK]);
    if (!locked) {
      await runner.release();
      return null;
    }
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    async release() {
      try {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [REFRESH_RUN_LOCK]);
      } finally {
        await runner.release();
      }
    },
  };
}

export async function startRefreshRun(dataSource: DataSource, trigger: AnalysesRefreshRun['trigger'], startedAt: Date): Promise<string> {
  const [row] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO analyses_refresh_runs (trigger, status, started_at) VALUES ($1, 'running', $2) RETURNING id::text AS id`,
    [trigger, startedAt],
  );
  return row.id;
}

export async function recordRefreshStep(dataSource: DataSource, runId: string, step: AnalysesRefreshStep): Promise<void> {
  await dataSource.query(`UPDATE analyses_refresh_runs SET steps = steps || $2::jsonb WHERE id = $1`, [runId, JSON.stringify([step])]);
}

export async function finishRefreshRun(dataSource: DataSource, runId: string, error: string | null, finishedAt: Date): Promise<void> {
  await dataSource.query(`UPDATE analyses_refresh_runs SET status = $2, error = $3, finished_at = $4 WHERE id = $1`, [
    runId,
    error === null ? 'done' : 'failed',
    error,
    finishedAt,
  ]);
}

/** The latest run, or null before the first. */
export async function readLatestRefreshRun(dataSource: DataSource): Promise<AnalysesRefreshRun | null> {
  const [row] = await dataSource.query<RunRow[]>(
    `SELECT id::text AS id, trigger, status, started_at, finished_at, steps, error FROM analyses_refresh_runs ORDER BY started_at DESC, id DESC LIMIT 1`,
  );
  if (!row) return null;
  return AnalysesRefreshRun.parse({
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    steps: row.steps,
    error: row.error,
  });
}

/** When a scheduled run last started (null: never), so a second process's schedule can skip tonight's. */
export async function lastScheduledRefreshStart(dataSource: DataSource): Promise<Date | null> {
  const [row] = await dataSource.query<{ started_at: Date }[]>(
    `SELECT started_at FROM analyses_refresh_runs WHERE trigger = 'schedule' ORDER BY started_at DESC LIMIT 1`,
  );
  return row?.started_at ?? null;
}
