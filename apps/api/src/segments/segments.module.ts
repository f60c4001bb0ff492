import { Logger, Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RealTimeSegmentWorker, SegmentComputationWorker, SegmentService, ShopSegmentRules } from '@marea/engine/segments';
import {
  PgRealTimeSegmentStore,
  PgSegmentCatalogueSource,
  PgSegmentComputationStore,
  PgSegmentRepository,
} from '@marea/infra/persistence';
import { NotificationsModule } from '../notifications/notifications.module';
import { SegmentWorkersHost } from './segment-workers.host';
import { SegmentsController } from './segments.controller';
import { SegmentValuesController } from './segment-values.controller';
import { SegmentValueSearchController } from './segment-value-search.controller';

/**
 * Segments: the API, and this process's two workers — full computations (new, edited and due
 * segments, leased so several processes never compute one twice) and real-time re-evaluation of
 * customers whose data changed. The creator of a segment is notified through NotificationsModule.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [SegmentsController, SegmentValuesController, SegmentValueSearchController],
  providers: [
    {
      provide: ShopSegmentRules,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ShopSegmentRules(new PgSegmentCatalogueSource(dataSource)),
    },
    { provide: PgSegmentComputationStore, inject: [DataSource], useFactory: (db: DataSource) => new PgSegmentComputationStore(db) },
    { provide: PgRealTimeSegmentStore, inject: [DataSource], useFactory: (db: DataSource) => new PgRealTimeSegmentStore(db) },
    {
      provide: SegmentComputationWorker,
      inject: [PgSegmentComputationStore, ShopSegmentRules],
      useFactory: (store: PgSegmentComputationStore, rules: ShopSegmentRules) => {
        const logger = new Logger('SegmentComputations');
        return new SegmentComputationWorker({
          store,
          rules,
          worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          onError: (error, segment) => logger.error({ err: error, segment }, 'segment computation failed'),
        });
      },
    },
    {
      provide: RealTimeSegmentWorker,
      inject: [PgRealTimeSegmentStore, ShopSegmentRules],
      useFactory: (store: PgRealTimeSegmentStore, rules: ShopSegmentRules) => {
        const logger = new Logger('RealTimeSegments');
        return new RealTimeSegmentWorker({ store, rules, onError: (error) => logger.error({ err: error }, 'real-time segment evaluation failed') });
      },
    },
    {
      provide: SegmentService,
      inject: [DataSource, ShopSegmentRules, SegmentComputationWorker],
      useFactory: (dataSource: DataSource, rules: ShopSegmentRules, worker: SegmentComputationWorker) =>
        new SegmentService({ repository: new PgSegmentRepository(dataSource), rules, onComputationQueued: () => worker.wake() }),
    },
    SegmentWorkersHost,
  ],
})
export class SegmentsModule {}
