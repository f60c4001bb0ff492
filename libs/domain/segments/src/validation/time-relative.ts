import type { RuleNode, SegmentRule, ValueTest } from '@marea/contracts';

const RELATIVE: ReadonlySet<ValueTest['op']> = new Set([
  'in_last_days', 'in_next_days', 'before_days_from_now', 'after_days_from_now', 'this_month', 'last_month', 'anniversary_in_days',
]);

function nodeIsTimeRelative(node: RuleNode): boolean {
  if (node.kind === 'group') return node.conditions.some(nodeIsTimeRelative);
  const tests = [
    'test' in node ? node.test : undefined,
    'window' in node ? node.window : undefined,
    ...(node.kind === 'event' ? node.properties.map((p) => p.test) : []),
  ];
  return tests.some((test) => test !== undefined && RELATIVE.has(test.op));
}

/**
 * Whether the rule's answer changes with the passing of time alone ("in the last 30 days",
 * "birthday in 3 days"), so a scheduler must re-evaluate it even when no data changed.
 */
export function isTimeRelative(rule: SegmentRule): boolean {
  return rule.conditions.some(nodeIsTimeRelative);
}
