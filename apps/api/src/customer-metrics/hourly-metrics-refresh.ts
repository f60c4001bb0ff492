import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { lastWholeBaseRefresh, refreshCustomerMetrics } from '@marea/infra/persistence';

/** Another process, or an import that just finished, refreshed the base recently enough. */
const FRESH_FOR_MS = 50 * 60_000;

/**
 * Keeps customer_metrics fresh where no ingestion touches it: the 12-month figures move with
 * the clock and the RFM quintiles depend on the whole base, so both are recomputed every hour.
 * Every API process runs the schedule; whoever comes second finds the base fresh and skips.
 */
@Injectable()
export class HourlyMetricsRefresh {
  private readonly logger = new Logger('CustomerMetrics');

  constructor(private readonly dataSource: DataSource) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'customer-metrics-refresh' })
  async refresh(): Promise<void> {
    const started = Date.now();
    try {
      const last = await lastWholeBaseRefresh(this.dataSource);
      if (last && started - last.getTime() < FRESH_FOR_MS) return;
      const { written, scored } = await refreshCustomerMetrics(this.dataSource, new Date());
      this.logger.log({ written, scored, ms: Date.now() - started }, 'customer metrics refreshed');
    } catch (error) {
      this.logger.error({ err: error }, 'customer metrics refresh failed; the next hour retries');
    }
  }
}
