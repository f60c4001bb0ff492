import { Logger, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CsvImportService, ImportWorker } from '@marea/engine/csv-import';
import { IngestionService } from '@marea/engine/ingestion';
import { PgImportJobStore, PostgresIngestionStore, readCustomFieldTypes } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ImportWorkerHost } from './import-worker.host';
import { ImportsController } from './imports.controller';
import { planImportWorkerScript } from './planning/plan-import-worker-script';
import { threadImportPlanner } from './planning/thread-import-planner';

/**
 * CSV imports: the upload API and this process's background worker. Rows go through the same
 * IngestionService as the batch API.
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.CSV_UPLOAD_LIMIT_MB * 1024 * 1024, files: 1 } }),
    }),
  ],
  controllers: [ImportsController],
  providers: [
    // The same service the batch API uses, over the same PostgreSQL store (it holds no state).
    {
      provide: IngestionService,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new IngestionService(new PostgresIngestionStore(dataSource)),
    },
    { provide: PgImportJobStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new PgImportJobStore(dataSource) },
    {
      provide: ImportWorker,
      inject: [PgImportJobStore, IngestionService, DataSource],
      useFactory: (store: PgImportJobStore, ingestion: IngestionService, dataSource: DataSource) => {
        const logger = new Logger('ImportWorker');
        return new ImportWorker({
          store,
          ingestion,
          customFieldTypes: () => readCustomFieldTypes(dataSource),
          planner: threadImportPlanner(planImportWorkerScript()),
          worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          onError: (error, jobId) => logger.error({ err: error, jobId }, 'import job failed on an internal error'),
        });
      },
    },
    {
      provide: CsvImportService,
      inject: [PgImportJobStore, ImportWorker],
      useFactory: (store: PgImportJobStore, worker: ImportWorker) => new CsvImportService(store, () => worker.wake()),
    },
    ImportWorkerHost,
  ],
})
export class ImportsModule {}
