import type { SegmentRules } from './segment-rules';

/**
 * Whether a rule's meaning depends on the evaluation moment ("ordered in the last 30 days",
 * "birthday in the next 3 days"): its SQL differs when compiled for two moments. Asking the
 * compiler rather than listing condition kinds keeps this right as the rule model grows.
 */
export async function readsTheClock(rules: SegmentRules, rule: unknown, now: Date): Promise<boolean> {
  const [today, later] = await Promise.all([
    rules.compile(rule, now),
    rules.compile(rule, new Date(now.getTime() + 36 * 3_600_000)),
  ]);
  return today.sql !== later.sql || JSON.stringify(today.params) !== JSON.stringify(later.params);
}
