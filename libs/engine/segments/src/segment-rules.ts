import type { SegmentSqlPlan } from '@marea/domain/segments';

/** One thing wrong in a rule, at the path of the node that has it (`conditions[1].test.value`). */
export interface RuleProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A rule compiled to SQL selecting the `customer_id` of every matching customer, once each, its
 * values as parameters `$1 … $n`.
 */
export interface CompiledRule {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A rule that passed validation, as it is stored. */
export interface CheckedRule {
  /** The rule with the model's defaults filled in. */
  readonly value: unknown;
  readonly version: number;
  /** Its answer changes with time alone ("in the last 30 days"): swept at least hourly. */
  readonly timeRelative: boolean;
}

/** How the engine reads segment rules: validation against the shop, compilation at a moment. */
export interface SegmentRules {
  /** Every problem of the rule, or the rule as it is stored. `code` is the segment's own (cycles). */
  check(rule: unknown, code?: string): Promise<{ problems: RuleProblem[] } | { rule: CheckedRule }>;
  /**
   * Throws SegmentError INVALID_SEGMENT when the rule (or the shop under it) has problems. The plan
   * is `per-customer` for the few customers of real time, `whole-base` for full computations and
   * previews (each figure aggregated once for everyone, as a hand-written GROUP BY would).
   */
  compile(rule: unknown, now: Date, plan?: SegmentSqlPlan): Promise<CompiledRule>;
}
