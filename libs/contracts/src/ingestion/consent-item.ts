import * as z from 'zod';
import { ExternalId, Instant } from './primitives';

export const ConsentChannel = z.enum(['email', 'sms']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/**
 * A consent given or withdrawn at a moment, from a source ("checkout", "unsubscribe link" …).
 * The newest `changedAt` wins, so changes may arrive out of order; each is kept in the history.
 */
export const ConsentItem = z
  .object({
    customerExternalId: ExternalId,
    channel: ConsentChannel,
    status: z.enum(['given', 'withdrawn']),
    changedAt: Instant,
    source: z.string().trim().min(1).max(200),
  })
  .strict();
export type ConsentItem = z.infer<typeof ConsentItem>;
