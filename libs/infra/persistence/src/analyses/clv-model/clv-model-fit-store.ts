import type { DataSource } from 'typeorm';
import { ClvModelFit, type ClvHoldout } from '@marea/contracts';
import type { SqlQuery } from '../../ingestion/sql-query';

/** A fit still "running" after this long was cut short (its process stopped): it is marked failed. */
const ABANDONED_AFTER = '1 hour';

interface FitRow {
  id: string;
  status: ClvModelFit['status'];
  started_at: Date;
  fitted_at: Date | null;
  error: string | null;
  calibration_end: Date;
  discount_rate: number;
  holdout_weeks: number;
  customers: number | null;
  repeat_customers: number | null;
  bg_nbd_r: number | null;
  bg_nbd_alpha: number | null;
  bg_nbd_a: number | null;
  bg_nbd_b: number | null;
  bg_nbd_log_likelihood: number | null;
  gamma_gamma_p: number | null;
  gamma_gamma_q: number | null;
  gamma_gamma_gamma: number | null;
  gamma_gamma_log_likelihood: number | null;
  holdout: ClvHoldout | null;
  duration_ms: number | null;
}

/** The fit the job works on: its id, window end and options. */
export interface StartedClvModelFit {
  readonly id: string;
  readonly calibrationEnd: Date;
  readonly discountRate: number;
  readonly holdoutWeeks: number;
}

/** A fit just started, as the API answers it before it runs: no figures yet. */
export function runningClvModelFit(fit: StartedClvModelFit): ClvModelFit {
  return ClvModelFit.parse({
    id: fit.id,
    status: 'running',
    startedAt: fit.calibrationEnd.toISOString(),
    fittedAt: null,
    error: null,
    calibrationEnd: fit.calibrationEnd.toISOString(),
    customers: null,
    repeatCustomers: null,
    bgNbd: null,
    gammaGamma: null,
    discountRate: fit.discountRate,
    holdout: null,
    durationMs: null,
  });
}

/** Another fit is running; only one runs at a time. */
export class ClvModelFitRunning extends Error {
  constructor(readonly runningFitId: string | null) {
    super(`A CLV model fit is already running${runningFitId ? ` (fit ${runningFitId})` : ''}; only one runs at a time.`);
    this.name = 'ClvModelFitRunning';
  }
}

const fitColumns = `id::text AS id, status, started_at, fitted_at, error, calibration_end, discount_rate, holdout_weeks, customers,
  repeat_customers, bg_nbd_r, bg_nbd_alpha, bg_nbd_a, bg_nbd_b, bg_nbd_log_likelihood, gamma_gamma_p, gamma_gamma_q,
  gamma_gamma_gamma, gamma_gamma_log_likelihood, holdout, duration_ms`;

function toContract(row: FitRow): ClvModelFit {
  const done = row.status === 'done';
  return ClvModelFit.parse({
    id: row.id,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    fittedAt: row.fitted_at?.toISOString() ?? null,
    error: row.error,
    calibrationEnd: row.calibration_end.toISOString(),
    customers: row.customers,
    repeatCustomers: row.repeat_customers,
    bgNbd:
      done && row.bg_nbd_r !== null
        ? { r: row.bg_nbd_r, alpha: row.bg_nbd_alpha, a: row.bg_nbd_a, b: row.bg_nbd_b, logLikelihood: row.bg_nbd_log_likelihood }
        : null,
    gammaGamma:
      done && row.gamma_gamma_p !== null
        ? { p: row.gamma_gamma_p, q: row.gamma_gamma_q, gamma: row.gamma_gamma_gamma, logLikelihood: row.gamma_gamma_log_likelihood }
        : null,
    discountRate: row.discount_rate,
    holdout: row.holdout,
    durationMs: row.duration_ms,
  });
}

/**
 * Records a new fit as running, or refuses with ClvModelFitRunning when one already runs (the
 * partial unique index makes that hold across API processes). A fit left running by a process
 * that stopped is marked failed first, so it cannot block the next ones forever.
 */
export async function startClvModelFit(
  dataSource: DataSource,
  options: { discountRate: number; holdoutWeeks: number },
  now: Date,
): Promise<StartedClvModelFit> {
  await dataSource.query(
    `UPDATE clv_model_fits SET status = 'failed', error = 'abandoned: its process stopped before it finished'
     WHERE status = 'running' AND started_at < $1::timestamptz - interval '${ABANDONED_AFTER}'`,
    [now],
  );
  try {
    const [row] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO clv_model_fits (status, started_at, calibration_end, discount_rate, holdout_weeks)
       VALUES ('running', $1, $1, $2, $3) RETURNING id::text AS id`,
      [now, options.discountRate, options.holdoutWeeks],
    );
    return { id: row.id, calibrationEnd: now, discountRate: options.discountRate, holdoutWeeks: options.holdoutWeeks };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const [running] = await dataSource.query<{ id: string }[]>(`SELECT id::text AS id FROM clv_model_fits WHERE status = 'running'`);
    throw new ClvModelFitRunning(running?.id ?? null);
  }
}

export interface FitOutcome {
  customers: number;
  repeatCustomers: number;
  bgNbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number } | null;
  holdout: ClvHoldout | null;
  timings: Record<string, number>;
  durationMs: number;
}

/** Marks the fit done with its parameters; run in the transaction that writes the customers' figures. */
export async function completeClvModelFit(sql: SqlQuery, fitId: string, outcome: FitOutcome, fittedAt: Date): Promise<void> {
  const { bgNbd, gammaGamma } = outcome;
  await sql(
    `UPDATE clv_model_fits SET status = 'done', fitted_at = $2, customers = $3, repeat_customers = $4,
       bg_nbd_r = $5, bg_nbd_alpha = $6, bg_nbd_a = $7, bg_nbd_b = $8, bg_nbd_log_likelihood = $9,
       gamma_gamma_p = $10, gamma_gamma_q = $11, gamma_gamma_gamma = $12, gamma_gamma_log_likelihood = $13,
       holdout = $14, timings = $15, duration_ms = $16
     WHERE id = $1`,
    [
      fitId, fittedAt, outcome.customers, outcome.repeatCustomers,
      bgNbd.r, bgNbd.alpha, bgNbd.a, bgNbd.b, bgNbd.logLikelihood,
      gammaGamma?.p ?? null, gammaGamma?.q ?? null, gammaGamma?.gamma ?? null, gammaGamma?.logLikelihood ?? null,
      outcome.holdout === null ? null : JSON.stringify(outcome.holdout), JSON.stringify(outcome.timings), Math.round(outcome.durationMs),
    ],
  );
}

export async function failClvModelFit(dataSource: DataSource, fitId: string, error: unknown, durationMs: number): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await dataSource.query(`UPDATE clv_model_fits SET status = 'failed', error = $2, duration_ms = $3 WHERE id = $1 AND status = 'running'`, [
    fitId,
    message,
    Math.round(durationMs),
  ]);
}

/** The latest done fit (the one the customers' figures come from), or null before any. */
export async function readLatestClvModelFit(dataSource: DataSource): Promise<ClvModelFit | null> {
  const [row] = await dataSource.query<FitRow[]>(`SELECT ${fitColumns} FROM clv_model_fits WHERE status = 'done' ORDER BY fitted_at DESC, id DESC LIMIT 1`);
  return row ? toContract(row) : null;
}

/** One fit in any state (to follow a fit started in the background), or null. */
export async function readClvModelFit(dataSource: DataSource, fitId: string): Promise<ClvModelFit | null> {
  const [row] = await dataSource.query<FitRow[]>(`SELECT ${fitColumns} FROM clv_model_fits WHERE id = $1`, [fitId]);
  return row ? toContract(row) : null;
}
