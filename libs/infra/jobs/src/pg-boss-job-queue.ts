import PgBoss from 'pg-boss';
import type { DeadStepJob, JobQueue, SqlExecutor, StepJob } from '@marea/engine/automations';

export interface PgBossJobQueueOptions {
  readonly connectionString: string;
  /** Attempts after the first before a job goes to the dead letters. */
  readonly retryLimit?: number;
  /** First retry delay in seconds; doubled each attempt (pg-boss's exponential back-off, with jitter). */
  readonly retryDelaySeconds?: number;
  /** false: every retry waits `retryDelaySeconds` (for tests that count attempts, not time). */
  readonly retryBackoff?: boolean;
  /** A claimed job not finished in this time (its process died) is retried. */
  readonly expireInSeconds?: number;
  /** How often this process looks for expired jobs and other maintenance. */
  readonly maintenanceIntervalSeconds?: number;
  /** Jobs this process works at once. */
  readonly concurrency?: number;
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

export const STEP_QUEUE = 'automation-steps';
export const DEAD_STEP_QUEUE = 'automation-steps-dead';

/**
 * The step queue on pg-boss 10 (its own schema `pgboss` in Marea's database). Jobs are claimed
 * with FOR UPDATE SKIP LOCKED, so processes share a queue without waiting on each other; a job
 * failing every attempt is copied to the dead-letter queue, which nothing works: the API lists
 * those jobs and puts them back on request.
 */
export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;
  private readonly workerIds: string[] = [];

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      max: Math.max(2, Math.ceil((options.concurrency ?? 8) / 2)),
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      schedule: false,
    });
    this.boss.on('error', (error) => options.onError?.(error));
  }

  /** Installs or migrates the pgboss schema and creates both queues (idempotent, safe in parallel). */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      await this.createQueues();
    })();
    return this.started;
  }

  /**
   * pg-boss creates a queue's partition with DDL that deadlocks when two processes do it at the
   * same moment: the loser retries and then finds the queue there.
   */
  private async createQueues(attempt = 1): Promise<void> {
    try {
      if (!(await this.boss.getQueue(DEAD_STEP_QUEUE))) await this.boss.createQueue(DEAD_STEP_QUEUE, { name: DEAD_STEP_QUEUE, retentionDays: 30 });
      if (!(await this.boss.getQueue(STEP_QUEUE))) {
        await this.boss.createQueue(STEP_QUEUE, {
          name: STEP_QUEUE,
          retryLimit: this.options.retryLimit ?? 8,
          retryDelay: this.options.retryDelaySeconds ?? 5,
          retryBackoff: this.options.retryBackoff ?? true,
          expireInSeconds: this.options.expireInSeconds ?? 300,
          deadLetter: DEAD_STEP_QUEUE,
        });
      }
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      await this.createQueues(attempt + 1);
    }
  }

  async enqueueStep(job: StepJob, options: { startAfter?: Date; within: SqlExecutor }): Promise<void> {
    await this.start();
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await options.within.query(text, values) }) };
    await this.boss.send(STEP_QUEUE, { ...job }, { db, ...(options.startAfter ? { startAfter: options.startAfter } : {}) });
  }

  async workSteps(handler: (job: StepJob) => Promise<void>): Promise<void> {
    await this.start();
    // Two workers of half the concurrency each, so one slow job does not hold every slot.
    const batchSize = Math.max(1, Math.ceil((this.options.concurrency ?? 8) / 2));
    for (let worker = 0; worker < 2; worker += 1) {
      const id: string = await this.boss.work<StepJob>(
        STEP_QUEUE,
        { batchSize, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5 },
        async (jobs) => {
          // The batch runs concurrently; a failed job is failed alone (back-off, then the dead
          // letters), the others complete when this handler returns.
          const results = await Promise.allSettled(jobs.map((job) => handler(job.data)));
          for (const [index, result] of results.entries()) {
            if (result.status === 'rejected') {
              const error = result.reason instanceof Error ? { message: result.reason.message, name: result.reason.name } : { message: String(result.reason) };
              await this.boss.fail(STEP_QUEUE, jobs[index].id, error);
            }
          }
          // Work found: fetch again at once instead of resting for the polling interval.
          if (jobs.length > 0) this.boss.notifyWorker(id);
        },
      );
      this.workerIds.push(id);
    }
  }

  nudge(): void {
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  async deadLetters(limit: number): Promise<DeadStepJob[]> {
    return this.readDeadLetters(`ORDER BY created_on DESC LIMIT $2`, [limit]);
  }

  async retryDeadLetter(id: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
    const [dead] = await this.readDeadLetters(`AND id = $2::uuid`, [id]);
    if (!dead) return false;
    // Send first, then delete: a crash in between leaves a duplicate job, which is harmless.
    await this.boss.send(STEP_QUEUE, { ...dead.job });
    await this.boss.deleteJob(DEAD_STEP_QUEUE, id);
    return true;
  }

  private async readDeadLetters(tail: string, values: unknown[]): Promise<DeadStepJob[]> {
    await this.start();
    const db = this.boss.getDb() as { executeSql(text: string, values: unknown[]): Promise<{ rows: { id: string; data: StepJob; output: unknown; created_on: Date }[] }> };
    const { rows } = await db.executeSql(`SELECT id, data, output, created_on FROM pgboss.job WHERE name = $1 AND state = 'created' ${tail}`, [
      DEAD_STEP_QUEUE,
      ...values,
    ]);
    return rows.map((row) => ({ id: row.id, job: row.data, failedAt: row.created_on, error: row.output }));
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
