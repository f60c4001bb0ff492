import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ImportWorker } from '@marea/engine/csv-import';

/** Runs this process's import worker for as long as the application lives. */
@Injectable()
export class ImportWorkerHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ImportWorker');

  constructor(readonly worker: ImportWorker) {}

  onModuleInit(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    // Finishes the chunk in flight; an unfinished job goes back to the queue for the next start.
    await this.worker.stop();
    this.logger.log('import worker stopped');
  }
}
