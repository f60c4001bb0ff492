import * as z from 'zod';
import { SEGMENT_CONDITIONS, type SegmentCondition } from './segment-conditions';

export const GroupMatch = z.enum(['all', 'any'], { message: 'needs all or any' });
export type GroupMatch = z.infer<typeof GroupMatch>;

/** A group of conditions and groups: all must hold, or any one; `negate` turns the group into its opposite. */
export interface RuleGroup {
  kind: 'group';
  match: GroupMatch;
  negate: boolean;
  conditions: RuleNode[];
}
export type RuleNode = RuleGroup | SegmentCondition;

export const RuleGroup: z.ZodType<RuleGroup, RuleGroupInput> = z.lazy(() =>
  z
    .object({
      kind: z.literal('group'),
      match: GroupMatch,
      negate: z.boolean().default(false),
      conditions: z.array(RuleNode).max(200, 'holds more than 200 conditions'),
    })
    .strict(),
);

export const RuleNode: z.ZodType<RuleNode, RuleNodeInput> = z.lazy(() =>
  z.discriminatedUnion('kind', [RuleGroup as never, ...SEGMENT_CONDITIONS], { message: 'needs a known kind of condition' }),
);

/** What a client may send: defaults (negate, filters, measure …) may be left out. */
export interface RuleGroupInput {
  kind: 'group';
  match: GroupMatch;
  negate?: boolean;
  conditions: RuleNodeInput[];
}
export type RuleNodeInput = RuleGroupInput | z.input<(typeof SEGMENT_CONDITIONS)[number]>;

export const SEGMENT_RULE_VERSION = 1;

/**
 * A segment's rule: the top group of a versioned tree. Version 1 is the only one; a later
 * version will come with a converter from 1, so stored rules are never reinterpreted.
 */
export interface SegmentRule {
  version: 1;
  match: GroupMatch;
  negate: boolean;
  conditions: RuleNode[];
}
export interface SegmentRuleInput {
  version: 1;
  match: GroupMatch;
  negate?: boolean;
  conditions: RuleNodeInput[];
}

export const SegmentRule: z.ZodType<SegmentRule, SegmentRuleInput> = z
  .object({
    version: z.literal(SEGMENT_RULE_VERSION, { message: 'needs version 1' }),
    match: GroupMatch,
    negate: z.boolean().default(false),
    conditions: z.array(RuleNode).max(200, 'holds more than 200 conditions'),
  })
  .strict();
