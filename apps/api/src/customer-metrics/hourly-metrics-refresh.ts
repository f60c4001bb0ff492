import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { refreshCustomerMetrics } from '@marea/infra/persistence';

/**
 * Keeps customer_metrics fresh where no ingestion touches it: the 12-month figures move with
 * the clock and the RFM quintiles depend on the whole base, so both are recomputed every hour.
 */
@Injectable()
export class HourlyMetricsRefresh {
  private readonly logger = new Logger('CustomerMetrics');

  constructor(private readonly dataSource: DataSource) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'customer-metrics-refresh' })
  async refresh(): Promise<void> {
    const started = Date.now();
    try {
      const { written, scored } = await refreshCustomerMetrics(this.dataSource, new Date());
      this.logger.log({ written, scored, ms: Date.now() - started }, 'customer metrics refreshed');
    } catch (error) {
      this.logger.error({ err: error }, 'customer metrics refresh failed; the next hour retries');
    }
  }
}
