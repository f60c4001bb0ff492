import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClvModelFitRequest, type AnalysesRefreshRun, type AnalysesRefreshStep, type AnalysesRefreshStepName } from '@marea/contracts';
import {
  ClvModelFitRunning,
  finishRefreshRun,
  lastScheduledRefreshStart,
  readLatestClvModelFit,
  recordRefreshStep,
  refreshCustomerMetrics,
  refreshPersonaAssignments,
  startRefreshRun,
  tryRefreshLock,
  type RefreshLock,
} from '@marea/infra/persistence';
import { ClvModelFits } from '../clv-model/clv-model-fits';

/** A scheduled run this recent means tonight's refresh is done (by this process or another). */
const SCHEDULED_RUN_DONE_FOR_MS = 60 * 60_000;

/** The refresh is already running (in this process or another); it is not started twice. */
export class AnalysesRefreshRunning extends Error {
  constructor() {
    super('The analyses refresh is already running; it runs once at a time.');
    this.name = 'AnalysesRefreshRunning';
  }
}

/**
 * The nightly analyses refresh, in order: customer metrics of the whole base (figures, RFM
 * quintiles and the RFM history), a new CLV model fit with the options of the one in force, and
 * the persona assignments of every done persona analysis. A PostgreSQL advisory lock, taken
 * before the run is recorded, makes sure that two API processes (or two requests) never run it
 * together; each step is recorded as it ends, so GET /api/v1/analyses/refresh shows progress. The
 * first failing step stops the run and is named in its error.
 */
@Injectable()
export class AnalysesRefresh implements OnApplicationShutdown {
  private readonly logger = new Logger('AnalysesRefresh');
  private current: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly fits: ClvModelFits,
  ) {}

  /**
   * Takes the lock and records the run, then runs the steps without waiting for them. Refuses
   * with AnalysesRefreshRunning when the lock is held. A scheduled run answers null instead when
   * another process already ran tonight's (its clock fired a little later than theirs).
   */
  async start(trigger: AnalysesRefreshRun['trigger']): Promise<{ runId: string; done: Promise<void> } | null> {
    const lock = await tryRefreshLock(this.dataSource);
    if (!lock) throw new AnalysesRefreshRunning();
    let runId: string;
    try {
      const now = new Date();
      const lastScheduled = trigger === 'schedule' ? await lastScheduledRefreshStart(this.dataSource) : null;
      if (lastScheduled && now.getTime() - lastScheduled.getTime() < SCHEDULED_RUN_DONE_FOR_MS) {
        await lock.release();
        return null;
      }
      runId = await startRefreshRun(this.dataSource, trigger, now);
    } catch (error) {
      await lock.release();
      throw error;
    }
    const done = this.runSteps(runId, lock);
    this.current = done;
    return { runId, done };
  }

  /** A server stopping waits for the run it started (the lock goes with its connection anyway). */
  async onApplicationShutdown(): Promise<void> {
    await this.current;
  }

  private async runSteps(runId: string, lock: RefreshLock): Promise<void> {
    let error: string | null = null;
    try {
      const steps: [AnalysesRefreshStepName, () => Promise<string>][] = [
        ['customer_metrics', () => this.customerMetrics()],
        ['clv_model', () => this.clvModel()],
        ['persona_assignments', () => this.personaAssignments()],
      ];
      for (const [step, work] of steps) {
        const startedAt = new Date();
        try {
          const detail = await work();
          await recordRefreshStep(this.dataSource, runId, this.step(step, startedAt, detail));
        } catch (failure) {
          error = `${step}: ${failure instanceof Error ? failure.message : String(failure)}`;
          await recordRefreshStep(this.dataSource, runId, this.step(step, startedAt, null));
          break;
        }
      }
      await finishRefreshRun(this.dataSource, runId, error, new Date());
      if (error) this.logger.error({ runId, error }, 'analyses refresh failed');
      else this.logger.log({ runId }, 'analyses refreshed');
    } catch (failure) {
      this.logger.error({ err: failure, runId }, 'analyses refresh could not record its run');
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  private step(step: AnalysesRefreshStepName, startedAt: Date, detail: string | null): AnalysesRefreshStep {
    const finishedAt = new Date();
    return { step, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(), detail };
  }

  private async customerMetrics(): Promise<string> {
    const { written, scored, rfmChanges } = await refreshCustomerMetrics(this.dataSource, new Date());
    return `${written} rows written, ${scored} customers scored, ${rfmChanges.opened} RFM segments entered, ${rfmChanges.closed} left`;
  }

  /** Refits with the discount rate and holdout of the model in force (the defaults before the first). */
  private async clvModel(): Promise<string> {
    const [{ buyers }] = await this.dataSource.query<{ buyers: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM orders WHERE kind = 'sale' AND status <> 'cancelled') AS buyers`,
    );
    if (!buyers) return 'skipped: no customer has a purchase yet';
    const inForce = await readLatestClvModelFit(this.dataSource);
    const request = ClvModelFitRequest.parse(
      inForce ? { discountRate: inForce.discountRate, ...(inForce.holdout && { holdoutWeeks: inForce.holdout.weeks.length }) } : {},
    );
    try {
      const { fitId, outcome } = await this.fits.fit(request);
      return `fit ${fitId}: ${outcome.customers} customers`;
    } catch (error) {
      // A fit someone started by hand is running: it is tonight's fit.
      if (error instanceof ClvModelFitRunning) return `skipped: ${error.message}`;
      throw error;
    }
  }

  private async personaAssignments(): Promise<string> {
    const { analyses, customers, moved } = await refreshPersonaAssignments(this.dataSource, new Date());
    return `${analyses} analyses, ${customers} customers placed, ${moved} moved`;
  }
}
