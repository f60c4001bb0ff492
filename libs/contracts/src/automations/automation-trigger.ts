import * as z from 'zod';
import { SegmentRule } from '../segments/segment-rule';
import { EventPropertyFilter } from '../segments/segment-conditions';

const SegmentCode = z.string().min(1, 'needs a segment code');

/**
 * What starts a run for a customer. Each firing is an *occurrence* (a feed position, an event id,
 * a scheduled instant …): the engine keeps one run and one decision per step for each.
 */
export const AutomationTrigger = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('segment-entered'), segmentCode: SegmentCode }).strict(),
    z.object({ kind: z.literal('segment-exited'), segmentCode: SegmentCode }).strict(),
    z.object({ kind: z.literal('order-placed') }).strict(),
    z
      .object({
        kind: z.literal('custom-event'),
        eventName: z.string().min(1, 'needs an event name'),
        /** The same property tests as segment event conditions. */
        properties: z.array(EventPropertyFilter).max(20).default([]),
      })
      .strict(),
    /** A cart event with no order placed in the following `hours`. */
    z.object({ kind: z.literal('cart-abandoned'), hours: z.number().int().min(1).max(720) }).strict(),
    /** Profile fields changed (any field when `fields` is empty). */
    z.object({ kind: z.literal('customer-changed'), fields: z.array(z.string().min(1)).default([]) }).strict(),
    z
      .object({
        kind: z.literal('schedule'),
        cron: z.string().min(1, 'needs a cron expression'),
        timeZone: z.string().min(1, 'needs an IANA time zone'),
        startDate: z.iso.date({ message: 'needs a date YYYY-MM-DD' }),
        audience: SegmentRule,
      })
      .strict(),
    /** A date of the customer (birthday, a date custom field `attributes.<name>`), N days before, ignoring the year. */
    z
      .object({
        kind: z.literal('customer-date'),
        field: z.string().regex(/^(birth_date|attributes\.[A-Za-z0-9_]+)$/, 'needs birth_date or attributes.<name>'),
        daysBefore: z.number().int().min(0).max(365).default(0),
      })
      .strict(),
    /** A one-off campaign: the audience at `at`, once. */
    z.object({ kind: z.literal('once'), at: z.iso.datetime({ offset: true, message: 'needs an ISO date-time' }), audience: SegmentRule }).strict(),
  ],
  { message: 'needs a known kind of trigger' },
);
export type AutomationTrigger = z.infer<typeof AutomationTrigger>;
export type AutomationTriggerKind = AutomationTrigger['kind'];
