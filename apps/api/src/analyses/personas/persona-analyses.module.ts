import { Logger, Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PersonaAnalysisWorker } from '@marea/infra/persistence';
import { PersonaAnalysesController } from './persona-analyses.controller';
import { PersonaEnrichmentsController } from './persona-enrichments.controller';
import { PersonaWorkerHost } from './persona-worker.host';

/** Persona analyses: routes, enrichments and this process's background worker. */
@Module({
  controllers: [PersonaAnalysesController, PersonaEnrichmentsController],
  providers: [
    {
      provide: PersonaAnalysisWorker,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => {
        const logger = new Logger('PersonaAnalysisWorker');
        return new PersonaAnalysisWorker(dataSource, {
          worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          onError: (error, analysisId) => logger.error({ err: error, analysisId }, 'persona analysis failed on an internal error'),
        });
      },
    },
    PersonaWorkerHost,
  ],
})
export class PersonaAnalysesModule {}
