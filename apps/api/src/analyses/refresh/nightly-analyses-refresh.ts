import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { AnalysesRefresh, AnalysesRefreshRunning } from './analyses-refresh';

export const NIGHTLY_REFRESH_JOB = 'analyses-refresh';

/**
 * Schedules the analyses refresh at ANALYSES_REFRESH_CRON (default 03:00) in the account's time
 * zone, read at boot (a change of time zone takes effect at the next start); `off` schedules
 * nothing. Every API process schedules it; the refresh's advisory lock and its "tonight's run is
 * done" check let only one of them run it.
 */
@Injectable()
export class NightlyAnalysesRefresh implements OnApplicationBootstrap {
  private readonly logger = new Logger('AnalysesRefresh');
  private timeZone = 'UTC';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
    private readonly refresh: AnalysesRefresh,
  ) {}

  /** The cron expression in force, null when the schedule is off. */
  get schedule(): string | null {
    return this.config.ANALYSES_REFRESH_CRON === 'off' ? null : this.config.ANALYSES_REFRESH_CRON;
  }

  get scheduleTimeZone(): string {
    return this.timeZone;
  }

  async onApplicationBootstrap(): Promise<void> {
    const [account] = await this.dataSource.query<{ timezone: string }[]>(`SELECT timezone FROM account`);
    this.timeZone = account?.timezone ?? 'UTC';
    const schedule = this.schedule;
    if (schedule === null) return;
    const job = CronJob.from({ cronTime: schedule, onTick: () => this.run(), timeZone: this.timeZone, start: false });
    this.scheduler.addCronJob(NIGHTLY_REFRESH_JOB, job);
    job.start();
  }

  /** The scheduled tick: runs the refresh unless another process runs or ran it. */
  async run(): Promise<void> {
    try {
      const started = await this.refresh.start('schedule');
      if (started) await started.done;
    } catch (error) {
      if (error instanceof AnalysesRefreshRunning) return;
      this.logger.error({ err: error }, 'the nightly analyses refresh could not start; the next night retries');
    }
  }
}
