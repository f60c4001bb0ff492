import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RealTimeSegmentWorker, SegmentComputationWorker } from '@marea/engine/segments';
import { PgRealTimeSegmentStore } from '@marea/infra/persistence';

/** Runs this process's segment workers (full computations, real time) for as long as the application lives. */
@Injectable()
export class SegmentWorkersHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SegmentWorkers');

  constructor(
    private readonly computations: SegmentComputationWorker,
    private readonly realTime: RealTimeSegmentWorker,
    private readonly realTimeStore: PgRealTimeSegmentStore,
  ) {}

  onModuleInit(): void {
    this.computations.start();
    this.realTime.start();
  }

  async onModuleDestroy(): Promise<void> {
    // Close the LISTEN connection first: it ends the real-time worker's wait.
    await this.realTimeStore.close();
    await Promise.all([this.computations.stop(), this.realTime.stop()]);
    this.logger.log('segment workers stopped');
  }
}
