import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PersonaAnalysisWorker } from '@marea/infra/persistence';

/**
 * Runs this process's persona worker for as long as the application lives, whatever
 * AUTOMATION_ENGINE says: analyses are the API's own work (docs/personas.md).
 */
@Injectable()
export class PersonaWorkerHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PersonaAnalysisWorker');

  constructor(private readonly worker: PersonaAnalysisWorker) {}

  onModuleInit(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    // Stops after the restart in flight; an unfinished analysis goes back to the queue.
    await this.worker.stop();
    this.logger.log('persona analysis worker stopped');
  }
}
