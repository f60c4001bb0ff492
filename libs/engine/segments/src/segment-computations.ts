import type { SegmentKind } from '@marea/contracts';
import type { CompiledRule } from './segment-rules';

/** A segment whose computation this worker now leases. */
export interface ClaimedSegment {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: SegmentKind;
  readonly rule: unknown;
  readonly timeRelative: boolean;
  readonly recomputeEveryMinutes: number;
  readonly createdBy: string | null;
  /** Never computed before: its creator is told when it is ready. */
  readonly firstComputation: boolean;
  /** The definition's version when claimed: an edit made during the computation queues another. */
  readonly version: string;
}

/** What one computation changed. */
export interface MembershipDiff {
  readonly entered: number;
  readonly exited: number;
  readonly size: number;
}

/**
 * Full computations of segments. A worker leases a due segment (FOR UPDATE SKIP LOCKED), keeps
 * the lease with heartbeats and writes the whole membership diff, its feed rows and the size in
 * one transaction. Methods taking `worker` act only while the lease is still that worker's.
 */
export interface SegmentComputationStore {
  /** The most overdue active segment to compute, or one whose worker stopped heartbeating. */
  claimDue(worker: string, staleAfterMs: number): Promise<ClaimedSegment | null>;
  /** Heartbeat with the stage the computation is at; false when the lease was lost. */
  progress(segmentId: string, worker: string, progress: number, stage: string): Promise<boolean>;
  /**
   * Replaces the members by the customers the compiled rule selects at `now`; a static segment
   * is locked, a dynamic one scheduled at `nextAt`. Null when the lease was lost (nothing written).
   */
  recompute(segment: ClaimedSegment, worker: string, rule: CompiledRule, now: Date, nextAt: Date | null): Promise<MembershipDiff | null>;
  fail(segmentId: string, worker: string, message: string, retryAt: Date): Promise<void>;
  notify(userId: string | null, kind: string, message: string, link: string): Promise<void>;
}

/** An active dynamic segment as the real-time path evaluates it. */
export interface LiveSegment {
  readonly id: string;
  readonly rule: unknown;
  /** Changes whenever the definition does, so a compiled rule can be reused until then. */
  readonly version: string;
  readonly timeRelative: boolean;
}

export interface RealTimeOutcome {
  /** Customers whose segments were re-evaluated. */
  readonly customers: number;
  readonly entered: number;
  readonly exited: number;
}

/** One real-time batch: which live segments to evaluate, compiled, at which moment. */
export interface RealTimeBatch {
  /** Compiled rules by segment id. */
  readonly rules: ReadonlyMap<string, CompiledRule>;
  /** The definition version each rule was compiled from; a segment changed since is skipped. */
  readonly versions: ReadonlyMap<string, string>;
  readonly now: Date;
  readonly limit: number;
  /** How soon customers of a segment busy with a full computation are tried again. */
  readonly retryMs: number;
  /**
   * Some rule reads other segments' members: customers whose memberships changed are queued
   * again, so the segments that depend on them see the change (cycles are refused on save).
   */
  readonly requeueChanged: boolean;
}

/**
 * The real-time path: customers whose data changed are queued by the writer's transaction;
 * a worker takes a batch of them and re-evaluates them against every live segment at once.
 */
export interface RealTimeSegmentStore {
  liveSegments(): Promise<LiveSegment[]>;
  /**
   * Takes up to `limit` queued customers and applies the diff of their memberships in the given
   * segments in one transaction. A segment busy with a full computation (or changed since it
   * was read) is left for later: its customers are queued again after `retryMs`.
   */
  reevaluateQueued(batch: RealTimeBatch): Promise<RealTimeOutcome>;
  /** Resolves when a writer queues customers (or after `timeoutMs`). */
  waitForQueued(timeoutMs: number): Promise<void>;
}
