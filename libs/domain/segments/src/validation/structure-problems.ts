import { SegmentRule, type SegmentRuleProblem } from '@marea/contracts';
import type * as z from 'zod';
import { rulePath } from './rule-path';

/** Words for zod's issue codes when a schema message did not already say it plainly. */
function wording(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has something the rule does not know: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : issue.message.startsWith('Invalid') ? `needs ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}` : issue.message;
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

/** The condition that holds a path in the raw input, to name it in the message ("Spend" needs a number). */
function enclosingKind(input: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = input;
  let kind: string | undefined;
  for (const part of path) {
    if (node === null || typeof node !== 'object') break;
    const k = (node as Record<string, unknown>)['kind'];
    if (typeof k === 'string' && k !== 'group') kind = k;
    node = (node as Record<PropertyKey, unknown>)[part as never];
  }
  return kind;
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
export function parseSegmentRule(input: unknown): { rule: SegmentRule } | { problems: SegmentRuleProblem[] } {
  const parsed = SegmentRule.safeParse(input);
  if (parsed.success) return { rule: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const kind = enclosingKind(input, issue.path);
      const subject = kind && KIND_WORDS[kind] ? `"${KIND_WORDS[kind]}" ` : '';
      return { path: rulePath(issue.path), code: 'invalid', message: `${subject}${wording(issue)}` };
    }),
  };
}
