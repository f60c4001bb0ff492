import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/**
 * The steps of the nightly analyses refresh, in the order they run. `customer_metrics` includes
 * the RFM quintiles and the RFM history (recorded by every whole-base refresh).
 */
export const AnalysesRefreshStepName = z.enum(['customer_metrics', 'clv_model', 'persona_assignments']);
export type AnalysesRefreshStepName = z.infer<typeof AnalysesRefreshStepName>;

export const AnalysesRefreshStep = z.object({
  step: AnalysesRefreshStepName,
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  durationMs: z.number().int().nullable(),
  detail: z.string().nullable().describe('e.g. "1,204 segment changes" or the fit id'),
});
export type AnalysesRefreshStep = z.infer<typeof AnalysesRefreshStep>;

/**
 * One run of the nightly refresh (customer metrics with RFM and its history, CLV refit, persona
 * assignments); `error` names the failed step.
 */
export const AnalysesRefreshRun = z.object({
  id: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  status: z.enum(['running', 'done', 'failed']),
  steps: z.array(AnalysesRefreshStep),
  error: z.string().nullable(),
});
export type AnalysesRefreshRun = z.infer<typeof AnalysesRefreshRun>;

/** GET /analyses/refresh: the schedule in force and the latest run (null before the first). */
export const AnalysesRefreshStatus = z.object({
  schedule: z.string().nullable().describe('the cron expression of ANALYSES_REFRESH_CRON; null when off'),
  timeZone: z.string().describe("the account's time zone, in which the schedule runs"),
  lastRun: AnalysesRefreshRun.nullable(),
});
export type AnalysesRefreshStatus = z.infer<typeof AnalysesRefreshStatus>;
