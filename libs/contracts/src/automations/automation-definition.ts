import * as z from 'zod';
import { SegmentRule } from '../segments/segment-rule';
import { AutomationTrigger } from './automation-trigger';
import { AutomationStep, StepId } from './automation-step';

export const ReEntryPolicySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('once') }).strict(),
    z.object({ kind: z.literal('every-time') }).strict(),
    z.object({ kind: z.literal('at-most-once-per'), days: z.number().int().min(1).max(3650) }).strict(),
  ],
  { message: 'needs once, every-time or at-most-once-per' },
);

/** The goal ends a run as soon as it is reached: the customer is in the rule, or the event happened. */
export const AutomationGoal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), rule: SegmentRule }).strict(),
  z.object({ kind: z.literal('event'), eventName: z.string().min(1, 'needs an event name') }).strict(),
]);
export type AutomationGoal = z.infer<typeof AutomationGoal>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'needs HH:mm');

export const ChannelSettings = z
  .object({
    /** In the customer's time zone; may cross midnight. */
    quietHours: z.object({ start: ClockTime, end: ClockTime }).strict().nullable().default(null),
    quietHoursPolicy: z.enum(['defer', 'drop']).default('defer'),
    /** Transactional messages bypass frequency caps and carry no unsubscribe link. */
    transactional: z.boolean().default(false),
  })
  .strict();
export type ChannelSettings = z.infer<typeof ChannelSettings>;

export const AUTOMATION_DEFINITION_VERSION = 1;

/**
 * An automation, version 1 of the format: trigger, entry conditions, re-entry policy, a graph of
 * steps keyed by id starting at `start`, an optional goal, channel settings. Stored as is, never
 * reinterpreted; the graph's own checks are in `automationProblems`.
 */
export const AutomationDefinition = z
  .object({
    version: z.literal(AUTOMATION_DEFINITION_VERSION, { message: 'needs version 1' }),
    trigger: AutomationTrigger,
    entryConditions: SegmentRule.nullable().default(null),
    reEntry: ReEntryPolicySchema.default({ kind: 'once' }),
    start: StepId,
    steps: z.record(StepId, AutomationStep),
    goal: AutomationGoal.nullable().default(null),
    channel: ChannelSettings.default({ quietHours: null, quietHoursPolicy: 'defer', transactional: false }),
  })
  .strict();
export type AutomationDefinition = z.infer<typeof AutomationDefinition>;
export type AutomationDefinitionInput = z.input<typeof AutomationDefinition>;
