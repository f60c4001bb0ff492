import * as z from 'zod';
import { Instant } from '../ingestion/primitives';
import { ConsentChannel } from '../ingestion/consent-item';
import { ConsentStatus, OrderView } from './customer-profile';
import { TaskPriority } from '../tasks/task';

/**
 * The kinds of entries of a customer's timeline. `message` is an email or SMS an automation or
 * a campaign sent; `task` is a manager task created, completed or reopened.
 */
export const TimelineEntryType = z.enum([
  'order',
  'visit',
  'form_answer',
  'event',
  'consent_change',
  'attribute_change',
  'segment_change',
  'message',
  'task',
]);
export type TimelineEntryType = z.infer<typeof TimelineEntryType>;

/** Minutes after its last event during which a visit counts as happening now. */
export const LIVE_VISIT_MINUTES = 30;

export const TimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: Instant,
  pageUrl: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

const entry = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), key: z.string().describe('unique within the timeline'), at: Instant, ...shape });

export const OrderEntry = entry('order', { order: OrderView });
/** A web visit: its events newest first (at most 50; `eventCount` counts them all). */
export const VisitEntry = entry('visit', {
  visitId: z.string(),
  startedAt: Instant,
  live: z.boolean().describe(`true while the newest event is less than ${LIVE_VISIT_MINUTES} minutes old`),
  eventCount: z.number().int(),
  store: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  events: z.array(TimelineEvent),
});
export const FormAnswerEntry = entry('form_answer', { event: TimelineEvent });
export const EventEntry = entry('event', { event: TimelineEvent });
export const ConsentChangeEntry = entry('consent_change', { channel: ConsentChannel, status: ConsentStatus, source: z.string() });
export const AttributeChangeEntry = entry('attribute_change', {
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  changedBy: z.string(),
});
export const SegmentChangeEntry = entry('segment_change', {
  segment: z.object({ id: z.string(), name: z.string() }),
  change: z.enum(['entered', 'exited']),
});

/** A task of the customer's manager was created, completed or reopened. */
export const TaskEntry = entry('task', {
  task: z.object({ id: z.string(), title: z.string(), priority: TaskPriority }),
  change: z.enum(['created', 'done', 'reopened']),
  by: z.string().describe('who did it: a user, or the automation that created the task'),
});

/** What happened to a message after it left, as tracked (delivery, opens, clicks, bounce, unsubscribe). */
export const MessageTrackingKind = z.enum(['delivered', 'opened', 'clicked', 'bounced', 'unsubscribed', 'failed']);
export type MessageTrackingKind = z.infer<typeof MessageTrackingKind>;

/** An email or SMS an automation sent the customer, with its delivery status and what the customer did with it. */
export const MessageEntry = entry('message', {
  message: z.object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    subject: z.string().describe('empty for SMS'),
    status: z.enum(['queued', 'handed-over', 'sent', 'failed']),
    automation: z.object({ id: z.string(), name: z.string() }),
  }),
  tracking: z.array(MessageTrackingKind).describe('each kind of tracked event once, in the order it first happened'),
});

export const TimelineEntry = z.discriminatedUnion('type', [
  OrderEntry,
  VisitEntry,
  FormAnswerEntry,
  EventEntry,
  ConsentChangeEntry,
  AttributeChangeEntry,
  SegmentChangeEntry,
  MessageEntry,
  TaskEntry,
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** `GET /api/v1/customers/{id}/timeline`: newest first, `before` is the `nextBefore` of the previous page. */
export const TimelineQuery = z.object({
  before: z.string().max(300).optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 100' }).int().min(1).max(100, 'must be at most 100').default(20),
  types: z
    .string()
    .optional()
    .transform((text) => (text ? text.split(',').map((type) => type.trim()).filter(Boolean) : []))
    .pipe(z.array(TimelineEntryType)),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelinePage = z.object({
  entries: z.array(TimelineEntry),
  nextBefore: z.string().nullable().describe('pass as `before` for the next page; null on the last page'),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

/** What the live stream sends when something new happened to the customer: reload the newest entries. */
export const CustomerActivityNotice = z.object({ customerId: z.string(), at: Instant });
export type CustomerActivityNotice = z.infer<typeof CustomerActivityNotice>;
