import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CustomerMetricsController } from './customer-metrics.controller';
import { HourlyMetricsRefresh } from './hourly-metrics-refresh';

/** A customer's purchase metrics (read live) and the hourly refresh of the customer_metrics summary. */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [CustomerMetricsController],
  providers: [HourlyMetricsRefresh],
})
export class CustomerMetricsModule {}
