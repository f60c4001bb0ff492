import * as z from 'zod';
import { SegmentRule } from '../segments/segment-rule';
import { AttributeOperation } from '../customers/attribute-operations';

/** Step ids name the nodes of the graph: short, stable, URL-safe. */
export const StepId = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'needs 1-60 letters, digits, _ or -');
export type StepId = z.infer<typeof StepId>;

export const EmailTemplate = z
  .object({ subject: z.string().min(1, 'needs a subject'), html: z.string().min(1, 'needs an HTML body'), text: z.string().min(1, 'needs a text body') })
  .strict();
export type EmailTemplate = z.infer<typeof EmailTemplate>;

/** What an action step does. Every template is Handlebars over the customer (and the trigger's data). */
export const StepAction = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('email'), template: EmailTemplate }).strict(),
    z.object({ kind: z.literal('sms'), text: z.string().min(1, 'needs a text') }).strict(),
    z
      .object({
        kind: z.literal('task'),
        title: z.string().min(1, 'needs a title').max(300),
        description: z.string().default(''),
        dueInDays: z.number().int().min(0).max(365).default(1),
        priority: z.enum(['low', 'normal', 'high']).default('normal'),
      })
      .strict(),
    z.object({ kind: z.literal('update-attributes'), operations: z.array(AttributeOperation).min(1, 'needs an operation') }).strict(),
    z
      .object({ kind: z.literal('notify'), userId: z.string().nullable().default(null), message: z.string().min(1, 'needs a message') })
      .strict(),
  ],
  { message: 'needs a known kind of action' },
);
export type StepAction = z.infer<typeof StepAction>;
export type ActionKind = StepAction['kind'];

export const DelaySpecSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('duration'), minutes: z.number().int().min(0).max(525_600) }).strict(),
    z.object({ kind: z.literal('time-of-day'), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'needs HH:mm') }).strict(),
    z
      .object({
        kind: z.literal('until-date'),
        field: z.string().regex(/^(birth_date|attributes\.[A-Za-z0-9_]+)$/, 'needs birth_date or attributes.<name>'),
        offsetDays: z.number().int().min(-365).max(365).default(0),
      })
      .strict(),
  ],
  { message: 'needs a known kind of delay' },
);

/** A node of the graph. `next`, `then`, `else`, `onTimeout` name other steps; absent `next` ends the run. */
export const AutomationStep = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('action'), action: StepAction, next: StepId.nullable().default(null) }).strict(),
    z.object({ kind: z.literal('delay'), delay: DelaySpecSchema, next: StepId.nullable().default(null) }).strict(),
    z.object({ kind: z.literal('branch'), rule: SegmentRule, then: StepId.nullable(), else: StepId.nullable() }).strict(),
    /**
     * Waits for an event (e.g. `order`), matched on `key` (a property equal to the one of the trigger's
     * event, e.g. the same cart id) when given; `onTimeout` after `timeoutMinutes` without it.
     */
    z
      .object({
        kind: z.literal('wait-for-event'),
        eventName: z.string().min(1, 'needs an event name'),
        key: z.string().min(1).nullable().default(null),
        timeoutMinutes: z.number().int().min(1).max(525_600),
        next: StepId.nullable().default(null),
        onTimeout: StepId.nullable().default(null),
      })
      .strict(),
    z.object({ kind: z.literal('exit') }).strict(),
  ],
  { message: 'needs a known kind of step' },
);
export type AutomationStep = z.infer<typeof AutomationStep>;
export type AutomationStepKind = AutomationStep['kind'];
