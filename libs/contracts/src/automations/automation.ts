import * as z from 'zod';
import { AutomationDefinition } from './automation-definition';

export const AutomationStatus = z.enum(['active', 'inactive']);
export type AutomationStatus = z.infer<typeof AutomationStatus>;

/** What a client sends to create an automation or to edit one (an edit of an active one is a new version). */
export const AutomationDraft = z
  .object({ name: z.string().trim().min(1, 'needs a name').max(200, 'is longer than 200 characters'), definition: AutomationDefinition })
  .strict();
export type AutomationDraft = z.infer<typeof AutomationDraft>;

export const Automation = z.object({
  id: z.string(),
  name: z.string(),
  status: AutomationStatus,
  currentVersion: z.number().int(),
  definition: AutomationDefinition,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Automation = z.infer<typeof Automation>;

export const AutomationVersion = z.object({ version: z.number().int(), definition: AutomationDefinition, createdAt: z.string() });
export type AutomationVersion = z.infer<typeof AutomationVersion>;

export const AutomationRun = z.object({
  id: z.string(),
  version: z.number().int(),
  customerId: z.string(),
  occurrence: z.string(),
  status: z.enum(['active', 'completed', 'goal-reached', 'stopped']),
  currentStep: z.string().nullable(),
  enteredAt: z.string(),
  endedAt: z.string().nullable(),
});
export type AutomationRun = z.infer<typeof AutomationRun>;

/** One line of the "why" trace: what the engine decided for a customer at a step, and why. */
export const AutomationTraceEntry = z.object({
  at: z.string(),
  version: z.number().int(),
  occurrence: z.string(),
  stepId: z.string(),
  outcome: z.enum(['acted', 'skipped', 'deferred']),
  reason: z.string(),
  explanation: z.string(),
  detail: z.string().nullable(),
});
export type AutomationTraceEntry = z.infer<typeof AutomationTraceEntry>;

export const AUTOMATION_STATISTICS = ['entered', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'failed', 'capped'] as const;
export type AutomationStatistic = (typeof AUTOMATION_STATISTICS)[number];

/** Counts of one day (in UTC), for the automation or one step. */
export const AutomationDayStatistics = z.object({
  day: z.string(),
  stepId: z.string().nullable(),
  counts: z.record(z.enum(AUTOMATION_STATISTICS), z.number().int()),
});
export type AutomationDayStatistics = z.infer<typeof AutomationDayStatistics>;

export const AutomationStatisticsQuery = z
  .object({ from: z.iso.date({ message: 'needs a date YYYY-MM-DD' }).optional(), to: z.iso.date({ message: 'needs a date YYYY-MM-DD' }).optional() })
  .strict();
export type AutomationStatisticsQuery = z.infer<typeof AutomationStatisticsQuery>;

export const AutomationStatistics = z.object({ automation: z.array(AutomationDayStatistics), steps: z.array(AutomationDayStatistics) });
export type AutomationStatistics = z.infer<typeof AutomationStatistics>;

export const MessagePreviewRequest = z.object({ stepId: z.string().min(1), customerId: z.string().regex(/^\d+$/, 'needs a customer id') }).strict();
export type MessagePreviewRequest = z.infer<typeof MessagePreviewRequest>;

export const MessagePreview = z.object({
  channel: z.enum(['email', 'sms']),
  to: z.string().nullable(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** SMS only: how many segments the body takes. */
  smsSegments: z.number().int().nullable(),
});
export type MessagePreview = z.infer<typeof MessagePreview>;

export const TestSendRequest = z
  .object({
    stepId: z.string().min(1),
    customerId: z.string().regex(/^\d+$/, 'needs a customer id'),
    addresses: z.array(z.string().min(3)).min(1, 'needs an address').max(10, 'takes at most 10 addresses'),
  })
  .strict();
export type TestSendRequest = z.infer<typeof TestSendRequest>;

export const TestSendResult = z.object({ address: z.string(), outcome: z.enum(['accepted', 'retryable', 'rejected']), detail: z.string() });
export type TestSendResult = z.infer<typeof TestSendResult>;

/** A step job that failed every attempt. */
export const DeadLetter = z.object({ id: z.string(), queue: z.string(), data: z.unknown(), failedAt: z.string().nullable(), error: z.unknown() });
export type DeadLetter = z.infer<typeof DeadLetter>;
