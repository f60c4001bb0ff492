import type {
  Segment,
  SegmentEdit,
  SegmentInput,
  SegmentMember,
  SegmentMemberPage,
  SegmentPreview,
  SegmentSizePoint,
} from '@marea/contracts';
import type { CheckedRule, CompiledRule } from './segment-rules';

export interface NewSegment {
  /** The rule stored is `rule.value` (defaults filled in), not `input.rule`. */
  readonly input: SegmentInput;
  readonly rule: CheckedRule;
  readonly createdBy: string | null;
}

/** An edit as stored: a new rule comes checked, with its version and whether it reads the clock. */
export interface SegmentChanges extends Omit<SegmentEdit, 'rule'> {
  readonly rule?: CheckedRule;
}

/** Where segment definitions, their members and their size history live. */
export interface SegmentRepository {
  /** Throws SegmentError SEGMENT_CODE_TAKEN when the code is in use. */
  create(segment: NewSegment): Promise<Segment>;
  /** A changed rule, or a reactivation, queues a computation now. Null when there is no such segment. */
  update(code: string, changes: SegmentChanges): Promise<Segment | null>;
  get(code: string): Promise<Segment | null>;
  list(): Promise<Segment[]>;
  /** Removes the segment with its memberships, history and feed rows; throws SEGMENT_IN_USE while another rule uses it. */
  delete(code: string): Promise<boolean>;
  members(segmentId: string, page: number, pageSize: number): Promise<SegmentMemberPage>;
  /** Every current member in customer id order, a page at a time (for exports of any size). */
  streamMembers(segmentId: string): AsyncIterable<SegmentMember[]>;
  sizeHistory(segmentId: string, limit: number): Promise<SegmentSizePoint[]>;
  /** Throws SegmentError PREVIEW_TIMEOUT when the rule takes longer than `timeoutMs`. */
  preview(rule: CompiledRule, limit: number, timeoutMs: number): Promise<Omit<SegmentPreview, 'evaluatedAt'>>;
}
