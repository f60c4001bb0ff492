import { SegmentRule, type SegmentCatalogue, type SegmentCondition, type SegmentRuleProblem } from '@marea/contracts';
import { conditionLabel } from './condition-subject';
import type * as z from 'zod';
import { nestingProblem } from './nesting-problem';
import { rulePath } from './rule-path';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part as never];
  }
  return node;
}

/** Words for zod's issue codes when a schema message did not already say it plainly. */
function wording(issue: z.core.$ZodIssue, input: unknown): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(input, issue.path) === undefined) return 'is missing';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has something the rule does not know: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid') ? `needs ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}` : issue.message;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `needs one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `is too ${issue.origin === 'array' ? 'long' : 'large'} (at most ${String(issue.maximum)})` : issue.message;
    case 'too_small':
      return issue.message.startsWith('Too small') ? `is too ${issue.origin === 'array' ? 'short' : 'small'} (at least ${String(issue.minimum)})` : issue.message;
    default:
      return issue.message;
  }
}

/** The innermost condition (not group) of the raw input on a path. */
function enclosingCondition(input: unknown, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let node: unknown = input;
  let condition: Record<string, unknown> | undefined;
  for (const part of path) {
    if (node === null || typeof node !== 'object') break;
    const record = node as Record<string, unknown>;
    if (typeof record['kind'] === 'string' && record['kind'] !== 'group') condition = record;
    node = (node as Record<PropertyKey, unknown>)[part as never];
  }
  return condition;
}

/** The name a marketer knows a raw condition by ("Spend", "Birth date"), as far as it can be told. */
function rawLabel(condition: Record<string, unknown> | undefined, catalogue: SegmentCatalogue): string | undefined {
  if (!condition) return undefined;
  try {
    const label = conditionLabel({ measure: 'amount', ...condition } as unknown as SegmentCondition, catalogue);
    return typeof label === 'string' && !label.includes('undefined') && label !== condition['kind'] ? label : undefined;
  } catch {
    return undefined;
  }
}

const KIND_WORDS: Record<string, string> = {
  customer_field: 'Customer field',
  custom_field: 'Custom field',
  tags: 'Tags',
  consent: 'Consent',
  manager: 'Responsible manager',
  first_purchase_store: 'Store of first purchase',
  purchase_date: 'Purchase date',
  order_aggregate: 'Orders',
  purchased: 'Bought',
  event: 'Event',
  message: 'Message',
  metric: 'Analysis figure',
  persona_cluster: 'Persona cluster',
  propensity: 'Propensity',
  segment: 'Segment',
};

/** Parses a rule; on failure, every structural problem with its path, in plain words. */
export function parseSegmentRule(
  input: unknown,
  catalogue: SegmentCatalogue = { timeZone: 'UTC', customFields: [] },
): { rule: SegmentRule } | { problems: SegmentRuleProblem[] } {
  const tooDeep = nestingProblem(input);
  if (tooDeep) return { problems: [tooDeep] };
  const parsed = SegmentRule.safeParse(input);
  if (parsed.success) return { rule: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const condition = enclosingCondition(input, issue.path);
      const kind = condition?.['kind'];
      const label = rawLabel(condition, catalogue) ?? (typeof kind === 'string' ? KIND_WORDS[kind] : undefined);
      const subject = label ? `"${label}" ` : '';
      return { path: rulePath(issue.path), code: 'invalid', message: `${subject}${wording(issue, input)}` };
    }),
  };
}
