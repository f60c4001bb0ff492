import { parseSegmentRule, segmentReferences } from '@marea/domain/segments';
import type { LiveSegment, RealTimeOutcome, RealTimeSegmentStore } from './segment-computations';
import type { CompiledRule, SegmentRules } from './segment-rules';

export interface RealTimeSegmentWorkerOptions {
  readonly store: RealTimeSegmentStore;
  readonly rules: SegmentRules;
  readonly now?: () => Date;
  /** Customers re-evaluated per transaction. */
  readonly batchSize?: number;
  /** The longest wait for a wake-up before looking at the queue anyway. */
  readonly pollMs?: number;
  /** How soon customers of a segment busy with a full computation are tried again. */
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly onBatch?: (outcome: RealTimeOutcome) => void;
}

/**
 * Re-evaluates, within a second of the commit, the dynamic segments of every customer whose
 * data changed: the writer's transaction queues the customer and wakes this worker (LISTEN/NOTIFY),
 * which evaluates all live segments for a batch of queued customers in one statement.
 */
export class RealTimeSegmentWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly now: () => Date;
  // Compiled rules that do not read the clock stay valid until their segment changes.
  private readonly compiled = new Map<string, { version: string; rule: CompiledRule }>();
  private readonly readsSegments = new Map<string, { version: string; reads: boolean }>();

  constructor(private readonly options: RealTimeSegmentWorkerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = null;
  }

  /** Re-evaluates queued customers until the queue holds no due customer. */
  async drain(): Promise<RealTimeOutcome> {
    const total = { customers: 0, entered: 0, exited: 0 };
    for (;;) {
      const outcome = await this.evaluateBatch();
      total.customers += outcome.customers;
      total.entered += outcome.entered;
      total.exited += outcome.exited;
      if (outcome.customers === 0) return total;
    }
  }

  private async run(): Promise<void> {
    const { store, pollMs = 1000 } = this.options;
    while (this.running) {
      try {
        const outcome = await this.evaluateBatch();
        if (outcome.customers > 0) continue;
        await store.waitForQueued(pollMs);
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    }
  }

  private async evaluateBatch(): Promise<RealTimeOutcome> {
    const { store, batchSize = 500, retryMs = 1000 } = this.options;
    const now = this.now();
    const segments = await store.liveSegments();
    const rules = new Map<string, CompiledRule>();
    const versions = new Map<string, string>();
    for (const segment of segments) {
      try {
        rules.set(segment.id, await this.compile(segment, now));
        versions.set(segment.id, segment.version);
      } catch (error) {
        // One broken rule (a custom field since deleted) must not stop the others; its full
        // computation reports the failure on the segment.
        this.options.onError?.(error);
      }
    }
    const requeueChanged = segments.some((segment) => this.readsOtherSegments(segment));
    const outcome = await store.reevaluateQueued({ rules, versions, now, limit: batchSize, retryMs, requeueChanged });
    if (outcome.customers > 0) this.options.onBatch?.(outcome);
    return outcome;
  }

  private readsOtherSegments(segment: LiveSegment): boolean {
    const known = this.readsSegments.get(segment.id);
    if (known?.version === segment.version) return known.reads;
    const parsed = parseSegmentRule(segment.rule);
    const reads = 'rule' in parsed && segmentReferences(parsed.rule.conditions).length > 0;
    this.readsSegments.set(segment.id, { version: segment.version, reads });
    return reads;
  }

  private async compile(segment: LiveSegment, now: Date): Promise<CompiledRule> {
    if (segment.timeRelative) return this.options.rules.compile(segment.rule, now);
    const cached = this.compiled.get(segment.id);
    if (cached?.version === segment.version) return cached.rule;
    const rule = await this.options.rules.compile(segment.rule, now);
    // A rule that binds the evaluation moment (purchases and events "up to now") would count
    // nothing that happened after it was compiled: only rules free of it are kept.
    if (!rule.params.includes(now.toISOString())) this.compiled.set(segment.id, { version: segment.version, rule });
    return rule;
  }
}
