import type { SegmentRule } from '@marea/contracts';
import type { SegmentRules } from '@marea/engine/segments';
import type { AutomationStore } from './automation-store';

/** Whether one customer matches a segment rule now: the segment compiler's per-customer plan. */
export async function customerMatches(rules: SegmentRules, store: AutomationStore, rule: SegmentRule, customerId: string, now: Date): Promise<boolean> {
  const compiled = await rules.compile(rule, now, 'per-customer');
  return store.ruleHolds(compiled, customerId);
}
