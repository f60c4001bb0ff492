/** One thing wrong in a rule, at the path of the node that has it (`conditions[1].value`). */
export interface RuleProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A rule compiled to SQL selecting the `customer_id` of every matching customer, its values as
 * parameters `$1 … $n`.
 */
export interface CompiledRule {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** How the engine reads segment rules: validation, compilation at an evaluation moment. */
export interface SegmentRules {
  /** The version of the rule model new and edited rules are stored with. */
  readonly version: number;
  /** Every problem of the rule; empty when it can be saved. `code` is the segment's own (cycles). */
  validate(rule: unknown, code?: string): Promise<RuleProblem[]>;
  /** Throws SegmentError INVALID_SEGMENT when the rule (or the catalogue under it) has problems. */
  compile(rule: unknown, now: Date): Promise<CompiledRule>;
}
