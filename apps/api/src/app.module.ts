import { DynamicModule, Module } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AnalysesModule } from './analyses/analyses.module';
import { AutomationsModule } from './automations/automations.module';
import { APP_CONFIG } from './config/app-config.token';
import type { AppConfig } from './config/app-config';
import { CustomerMetricsModule } from './customer-metrics/customer-metrics.module';
import { CustomersModule } from './customers/customers.module';
import { HealthController } from './health/health.controller';
import { IngestionModule } from './ingestion/ingestion.module';
import { loggedRequest } from './logging/create-logger';
import { ImportsModule } from './imports/imports.module';
import { OverviewModule } from './overview/overview.module';
import { OutboxModule } from './outbox/outbox.module';
import { SegmentsModule } from './segments/segments.module';
import { TasksModule } from './tasks/tasks.module';
import { TrackingModule } from './tracking/tracking.module';
import { WebAppModule } from './http/web-app/web-app.module';

export interface AppDependencies {
  config: AppConfig;
  logger: Logger;
  dataSource: DataSource;
}

/** The composition root: wires infrastructure adapters into engine services and controllers. */
@Module({})
export class AppModule {
  static forRoot({ config, logger, dataSource }: AppDependencies): DynamicModule {
    const webApp = existsSync(config.WEB_DIST) ? [WebAppModule] : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (request) => request.url === '/api/health' },
            serializers: { req: loggedRequest },
          },
        }),
        ...webApp,
        AccessModule,
        IngestionModule,
        OverviewModule,
        ImportsModule,
        CustomersModule,
        CustomerMetricsModule,
        SegmentsModule,
        AnalysesModule,
        TasksModule,
        TrackingModule,
        OutboxModule,
        AutomationsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
      ],
      exports: [APP_CONFIG, DataSource],
    };
  }
}
