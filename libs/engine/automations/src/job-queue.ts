/** Runs SQL on the caller's open transaction: rows back, as `pg` gives them. */
export interface SqlExecutor {
  query(text: string, values: unknown[]): Promise<unknown[]>;
}

/**
 * One step of one run to perform. `timeout` marks the job that ends a wait-for-event step when
 * its event never came.
 */
export interface StepJob {
  readonly runId: string;
  readonly stepId: string;
  readonly timeout?: boolean;
}

export interface DeadStepJob {
  readonly id: string;
  readonly job: StepJob;
  readonly failedAt: Date | null;
  readonly error: unknown;
}

/**
 * The durable queue of step jobs (PostgreSQL underneath): a job is enqueued inside the caller's
 * transaction, so it exists exactly when the state change that asked for it was committed. A job
 * whose handler throws is retried with exponential back-off, then moved to the dead letters.
 * Several processes may work one queue: each job is claimed by one (SKIP LOCKED); a job may still
 * run twice after a crash or a timeout, so handlers are idempotent (the decision key).
 */
export interface JobQueue {
  enqueueStep(job: StepJob, options: { readonly startAfter?: Date; readonly within: SqlExecutor }): Promise<void>;
  workSteps(handler: (job: StepJob) => Promise<void>): Promise<void>;
  /**
   * A job due now was just committed by this process: its workers fetch at once instead of at
   * their next poll (the latency of an order-placed email). Other processes find it by polling.
   */
  nudge(): void;
  deadLetters(limit: number): Promise<DeadStepJob[]>;
  /** Puts a dead job back on the queue; false when no dead job has that id. */
  retryDeadLetter(id: string): Promise<boolean>;
  stop(): Promise<void>;
}
