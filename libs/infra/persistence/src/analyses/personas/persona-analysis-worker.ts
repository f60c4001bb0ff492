import type { DataSource } from 'typeorm';
import {
  claimPersonaAnalysis,
  failPersonaAnalysis,
  LostPersonaLease,
  MAX_PERSONA_ATTEMPTS,
  PersonaAnalysisFailure,
  PersonaAnalysisInterrupted,
  requeuePersonaAnalysis,
  type ClaimedPersonaAnalysis,
} from './persona-analysis-lease';
import { runPersonaAnalysis } from './run-persona-analysis';

export interface PersonaAnalysisWorkerOptions {
  /** This process's name in the lease (host, pid, a random part). */
  worker: string;
  /** How often to look for work nobody woke us for (another process queued it, or its runner died). */
  pollMs?: number;
  /** A running analysis whose lease is older than this is taken over. */
  leaseSeconds?: number;
  onError?: (error: unknown, analysisId: string) => void;
}

/**
 * Runs queued persona analyses in this process, one at a time. The analysis row is the job
 * (docs/personas.md): claimed with a lease renewed at every finished restart, so a second API
 * process never runs it too, and one whose process died is taken over after the lease expires.
 * `wake()` starts a newly queued analysis at once; `stop()` waits for the current restart.
 */
export class PersonaAnalysisWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly pollMs: number;
  private readonly leaseSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PersonaAnalysisWorkerOptions,
  ) {
    this.pollMs = options.pollMs ?? 5_000;
    this.leaseSeconds = options.leaseSeconds ?? 120;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.work();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let job: ClaimedPersonaAnalysis | null = null;
      try {
        job = await claimPersonaAnalysis(this.dataSource, this.options.worker, this.leaseSeconds);
      } catch (error) {
        if (!this.running) return; // the pool closed under a stopping process
        this.options.onError?.(error, '-');
      }
      if (job) {
        await this.runOne(job);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async runOne(job: ClaimedPersonaAnalysis): Promise<void> {
    const { worker } = this.options;
    try {
      if (job.attempts > MAX_PERSONA_ATTEMPTS) {
        throw new PersonaAnalysisFailure(`The analysis was interrupted ${MAX_PERSONA_ATTEMPTS} times before it finished (its process ended each time).`);
      }
      await runPersonaAnalysis(this.dataSource, job, worker, new Date(), () => this.running);
    } catch (error) {
      if (error instanceof LostPersonaLease) return; // another process has it now
      if (error instanceof PersonaAnalysisInterrupted) {
        await requeuePersonaAnalysis(this.dataSource, job.id, worker).catch((failure) => this.options.onError?.(failure, job.id));
        return;
      }
      if (!(error instanceof PersonaAnalysisFailure)) this.options.onError?.(error, job.id);
      const message = error instanceof PersonaAnalysisFailure ? error.message : `The analysis failed on an internal error: ${(error as Error).message}`;
      await failPersonaAnalysis(this.dataSource, job.id, worker, message).catch((failure) => this.options.onError?.(failure, job.id));
    }
  }
}
