import * as z from 'zod';
import { ExternalId, Instant } from './primitives';

/** Event types Marea understands natively; any other lower-case name is a custom event. */
export const StandardEventType = z.enum([
  'page_view',
  'product_view',
  'add_to_cart',
  'remove_from_cart',
  'favourite',
  'unfavourite',
  'search',
  'checkout_started',
  'form_answer',
  'email_delivered',
  'email_opened',
  'email_clicked',
  'sms_delivered',
]);
export type StandardEventType = z.infer<typeof StandardEventType>;

export const EventType = z
  .string()
  .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'must be lower-case letters, digits and _ . : - (e.g. page_view)');

/**
 * Something a customer did. `externalId` is the sender's unique id of the event (a message id):
 * sending the same event twice stores it once. Cart and favourite events also update the
 * customer's open cart (`properties.cartId`, `sku`, `quantity`, `price`) and favourites (`sku`).
 */
export const EventItem = z
  .object({
    externalId: ExternalId,
    customerExternalId: ExternalId,
    type: EventType,
    occurredAt: Instant,
    visitId: z.string().max(200).optional(),
    storeExternalId: ExternalId.optional(),
    pageUrl: z.string().max(4000).optional(),
    properties: z.record(z.string().max(200), z.json()).default({}),
  })
  .strict();
export type EventItem = z.infer<typeof EventItem>;
