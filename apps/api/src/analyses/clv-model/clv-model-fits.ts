import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClvModelFit, ClvModelFitRequest } from '@marea/contracts';
import { runClvModelFit, runningClvModelFit, startClvModelFit, type FitOutcome, type StartedClvModelFit } from '@marea/infra/persistence';

/**
 * Starts CLV model fits. A fit is recorded as running (refused with ClvModelFitRunning when one
 * already runs, in any process), then runs in the background of this process; its outcome is in
 * clv_model_fits. Known limit: the numeric part runs on the API's event loop (about 1–2 s at 100k
 * customers); docs/clv.md says more.
 */
@Injectable()
export class ClvModelFits implements OnApplicationShutdown {
  private readonly logger = new Logger('ClvModel');
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  /** Records the fit and starts it without waiting; answers the fit as it stands (running). */
  async start(request: ClvModelFitRequest): Promise<ClvModelFit> {
    const fit = await startClvModelFit(this.dataSource, request, new Date());
    const work = this.run(fit).catch(() => undefined);
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
    return runningClvModelFit(fit);
  }

  /** Records a fit and runs it to its end (the nightly refresh). */
  async fit(request: ClvModelFitRequest): Promise<{ fitId: string; outcome: FitOutcome }> {
    const fit = await startClvModelFit(this.dataSource, request, new Date());
    return { fitId: fit.id, outcome: await this.run(fit) };
  }

  /** The server stops after the fits it started have finished (a fit cut short would stay "running" for an hour). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async run(fit: StartedClvModelFit): Promise<FitOutcome> {
    try {
      const outcome = await runClvModelFit(this.dataSource, fit);
      this.logger.log({ fitId: fit.id, customers: outcome.customers, ms: Math.round(outcome.durationMs), timings: outcome.timings }, 'CLV model fitted');
      return outcome;
    } catch (error) {
      this.logger.error({ err: error, fitId: fit.id }, 'CLV model fit failed');
      throw error;
    }
  }
}
