import type { SegmentCatalogue, SegmentRuleProblem } from '@marea/contracts';
import { validateSegmentRule } from '@marea/domain/segments';
import type { DraftRule } from './rule-draft';

/**
 * Every problem of a draft, from the domain validator the server runs, so the builder shows the
 * same words at the same paths before the rule is ever sent. References to other segments'
 * rules (cycles) need the stored rules and are left to the server.
 */
export function draftProblems(rule: DraftRule, catalogue: SegmentCatalogue): SegmentRuleProblem[] {
  return validateSegmentRule(rule, catalogue);
}

/** Whether `path` is `at` itself or a field under it (`test` holds `test.value`, not `tests`). */
export function isUnder(path: string, at: string): boolean {
  if (at === '') return true;
  return path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);
}
