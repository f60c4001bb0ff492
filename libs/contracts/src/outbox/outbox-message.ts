import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/**
 * The built-in outbox: every email (and SMS) the embedded default kept instead of sending,
 * because no SMTP server (or no Twilio account) is configured. Nothing in it left the machine.
 */
export const OutboxChannel = z.enum(['email', 'sms']);
export type OutboxChannel = z.infer<typeof OutboxChannel>;

const bigintId = (what: string) => z.string().regex(/^\d{1,18}$/, `must be ${what} id (digits)`);

export const OutboxMessageSummary = z.object({
  id: z.string(),
  /** The engine's Message-ID of the send decision, e.g. `<3f1c…@marea>`. */
  messageId: z.string(),
  channel: OutboxChannel,
  customerId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  /** Empty for SMS. */
  subject: z.string(),
  createdAt: Instant,
});
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummary>;

/** A message as its recipient would have received it. */
export const OutboxMessage = OutboxMessageSummary.extend({
  /** Header name (lower-case) → value as written in the MIME; empty for SMS. */
  headers: z.record(z.string(), z.string()),
  html: z.string(),
  /** The text part of an email, the body of an SMS. */
  text: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OUTBOX_PAGE_MAX = 200;

/** `GET /api/v1/outbox` query: newest first; `before` is the `nextBefore` of the previous page. */
export const OutboxQuery = z
  .object({
    channel: OutboxChannel.optional(),
    customerId: bigintId('a customer').optional(),
    before: bigintId('an outbox message').optional(),
    limit: z.coerce.number().int().min(1).max(OUTBOX_PAGE_MAX).default(50),
  })
  .strict();
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxPage = z.object({
  items: z.array(OutboxMessageSummary),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;
