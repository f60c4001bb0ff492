import type { ClaimedSegment, SegmentComputationStore } from './segment-computations';
import { SegmentError } from './segment-error';
import { nextComputationAt } from './segment-schedule';
import type { SegmentRules } from './segment-rules';
import { WakeUpSleep } from './wake-up-sleep';

export interface SegmentComputationWorkerOptions {
  readonly store: SegmentComputationStore;
  readonly rules: SegmentRules;
  /** Unique per process: it marks the segments this worker leases. */
  readonly worker: string;
  readonly now?: () => Date;
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
  /** A lease whose heartbeat is older than this is taken over by another worker. */
  readonly staleAfterMs?: number;
  /** A failed computation is tried again after this long. */
  readonly retryAfterMs?: number;
  readonly onError?: (error: unknown, segmentCode: string | null) => void;
}

const WRITING = 'selecting the customers and writing entries and exits';

/**
 * Computes due segments one at a time: new and edited ones at once, dynamic ones again on their
 * schedule. Several engine processes can run one each on the same database; a lease taken with
 * FOR UPDATE SKIP LOCKED keeps them from computing the same segment twice.
 */
export class SegmentComputationWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly pause = new WakeUpSleep();
  private readonly now: () => Date;

  constructor(private readonly options: SegmentComputationWorkerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks for due segments now instead of at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  /** Stops after the computation in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  /** Computes every due segment, then returns how many it computed (used by tests and benchmarks). */
  async drain(): Promise<number> {
    let computed = 0;
    while (await this.computeNext()) computed++;
    return computed;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const worked = await this.computeNext();
      if (!worked) await this.pause.sleep(this.options.pollMs ?? 5000);
    }
  }

  private async computeNext(): Promise<boolean> {
    const { store, worker, staleAfterMs = 60_000 } = this.options;
    let segment: ClaimedSegment | null = null;
    try {
      segment = await store.claimDue(worker, staleAfterMs);
      if (!segment) return false;
      await this.compute(segment);
    } catch (error) {
      this.options.onError?.(error, segment?.code ?? null);
      if (!segment) return false;
      // A rule the shop no longer supports says why; anything else is a system fault, logged
      // through onError and never shown to the marketer as SQL.
      const reason = error instanceof SegmentError ? error.message : 'an internal error, which has been logged';
      const retryAt = new Date(this.now().getTime() + (this.options.retryAfterMs ?? 15 * 60_000));
      const message = `The computation failed: ${reason} It is retried at ${retryAt.toISOString()}.`;
      await store.fail(segment.id, worker, message, retryAt).catch(() => undefined);
    }
    return true;
  }

  private async compute(segment: ClaimedSegment): Promise<void> {
    const { store, rules, worker, heartbeatMs = 5000 } = this.options;
    const now = this.now();
    await store.progress(segment.id, worker, 0.05, 'compiling the rule');
    const compiled = await rules.compile(segment.rule, now, 'whole-base');
    await store.progress(segment.id, worker, 0.1, WRITING);
    // One statement does the work, so the heartbeat is all the progress there is until it ends.
    const heartbeat = setInterval(() => {
      store.progress(segment.id, worker, 0.1, WRITING).catch((error) => this.options.onError?.(error, segment.code));
    }, heartbeatMs);
    let diff;
    try {
      diff = await store.recompute(segment, worker, compiled, now, nextComputationAt(segment, now));
    } finally {
      clearInterval(heartbeat);
    }
    if (!diff) return;
    if (segment.firstComputation) {
      await store.notify(
        segment.createdBy,
        'segment_computed',
        `The segment "${segment.name}" is ready: ${diff.size} customer${diff.size === 1 ? '' : 's'}.`,
        `/segments/${segment.code}`,
      );
    }
  }
}
