import type { ChunkLimits } from '@marea/domain/csv-import';
import type { ImportJobStore } from './import-job-store';
import type { ImportPlanner } from './import-planner';
import type { CustomFieldTypes, ItemIngestion } from './item-ingestion';
import { runImportJob } from './run-import-job';

export interface ImportWorkerOptions {
  readonly store: ImportJobStore;
  readonly ingestion: ItemIngestion;
  readonly customFieldTypes?: CustomFieldTypes;
  /** Default: on this thread; a process that serves the API passes one that plans on another. */
  readonly planner?: ImportPlanner;
  /** Unique per process: it marks the jobs this worker owns. */
  readonly worker: string;
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is taken over by another worker. */
  readonly staleAfterMs?: number;
  /** Default: 1,000 items or 5,000 rows, whichever comes first. */
  readonly chunkLimits?: ChunkLimits;
  readonly onError?: (error: unknown, jobId: string | null) => void;
}

/**
 * Claims queued import jobs and runs them one at a time. Several processes may each run one on
 * the same database: claiming uses FOR UPDATE SKIP LOCKED, and a job whose worker died (no
 * heartbeat) is claimed again and resumed.
 */
export class ImportWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private lost = false;

  constructor(private readonly options: ImportWorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks for work now instead of at the next poll (a job was just queued). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops after the current chunk; an unfinished job goes back to the queue. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const { store, worker, pollMs = 1000, staleAfterMs = 30_000 } = this.options;
    while (this.running) {
      let jobId: string | null = null;
      try {
        const job = await store.claimNext(worker, staleAfterMs);
        if (job) {
          jobId = job.id;
          await this.runWithHeartbeat(job.id, () =>
            runImportJob(job, {
              store,
              ingestion: this.options.ingestion,
              customFieldTypes: this.options.customFieldTypes,
              planner: this.options.planner,
              worker,
              chunkLimits: this.options.chunkLimits ?? { items: 1000, rows: 5000 },
              shouldStop: () => !this.running || this.lost,
            }),
          );
          continue;
        }
      } catch (error) {
        this.options.onError?.(error, jobId);
        if (jobId) {
          const reason = error instanceof Error ? error.message : String(error);
          const message = `The import stopped on an internal error (${reason}); the rows counted so far were imported.`;
          await store.fail(jobId, worker, message).catch(() => undefined);
        }
      }
      await this.sleep(pollMs);
    }
  }

  private async runWithHeartbeat(jobId: string, work: () => Promise<unknown>): Promise<void> {
    const { store, worker, heartbeatMs = 5000 } = this.options;
    this.lost = false;
    const timer = setInterval(() => {
      store.heartbeat(jobId, worker).then(
        (owned) => {
          if (!owned) this.lost = true;
        },
        (error) => this.options.onError?.(error, jobId),
      );
    }, heartbeatMs);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
