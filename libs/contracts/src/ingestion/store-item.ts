import * as z from 'zod';
import { CurrencyCode, ExternalId, TimeZone } from './primitives';

/** A store or business unit: a web shop (`ecommerce`) or a physical `store`, with its own currency. */
export const StoreItem = z
  .object({
    externalId: ExternalId,
    name: z.string().trim().min(1).max(200),
    channel: z.enum(['ecommerce', 'store']),
    currency: CurrencyCode,
    timezone: TimeZone.default('UTC'),
  })
  .strict();
export type StoreItem = z.infer<typeof StoreItem>;
