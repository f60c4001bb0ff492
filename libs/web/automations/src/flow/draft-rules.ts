import type { SegmentRule } from '@marea/contracts';
import { emptyRule, type DraftRule } from '@marea/web/rule-builder';

// The rule builder edits a draft that may be incomplete while the marketer types; the flow keeps
// it as the rule it will be, and the whole definition is validated by the contract's schema
// (`definitionProblems`) before anything is sent. These two casts are that one agreement.

/** A rule of the flow (entry conditions, a branch, an audience, a goal) as the builder edits it. */
export function asDraft(rule: SegmentRule): DraftRule {
  return rule as unknown as DraftRule;
}

/** The builder's draft put back into the flow. */
export function asRule(draft: DraftRule): SegmentRule {
  return draft as unknown as SegmentRule;
}

/** "All of nothing": a new branch, audience or goal starts with no condition. */
export function noConditions(): SegmentRule {
  return asRule(emptyRule());
}
