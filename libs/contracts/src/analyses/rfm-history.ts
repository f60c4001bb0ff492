import * as z from 'zod';
import { CalendarDate, Instant } from '../ingestion/primitives';
import { CustomerId, RfmSegmentName } from '../customers/customer-metrics';

/** One interval of a customer's RFM segment: held from `from` until `to` (null: still held). */
export const RfmHistoryEntry = z.object({
  segment: RfmSegmentName,
  from: Instant,
  to: Instant.nullable(),
});
export type RfmHistoryEntry = z.infer<typeof RfmHistoryEntry>;

/** GET /customers/{id}/rfm-history: the customer's segments over time, newest first. */
export const RfmHistory = z.object({
  customerId: CustomerId,
  entries: z.array(RfmHistoryEntry),
});
export type RfmHistory = z.infer<typeof RfmHistory>;

/**
 * Movement between segments: `counts[i][j]` customers held `segments[i]` at the end of `from` and
 * `segments[j]` at the end of `to` (days in the account's time zone). Customers without a segment
 * on either day are not counted.
 */
export const RfmTransitionTable = z.object({
  from: CalendarDate,
  to: CalendarDate,
  segments: z.array(RfmSegmentName),
  counts: z.array(z.array(z.number().int())),
  computedAt: Instant,
});
export type RfmTransitionTable = z.infer<typeof RfmTransitionTable>;

/** Query of GET /analyses/rfm-transitions: two days, `to` not before `from`. */
export const RfmTransitionsQuery = z
  .object({ from: CalendarDate, to: CalendarDate })
  .superRefine((query, context) => {
    // Runs even when a day is wrong: compare only two real days.
    const bothDays = CalendarDate.safeParse(query.from).success && CalendarDate.safeParse(query.to).success;
    if (bothDays && query.to < query.from) context.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${query.from})` });
  });
export type RfmTransitionsQuery = z.infer<typeof RfmTransitionsQuery>;
