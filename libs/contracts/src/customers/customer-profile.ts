import * as z from 'zod';
import { CalendarDate, CurrencyCode, Instant } from '../ingestion/primitives';
import { ConsentChannel } from '../ingestion/consent-item';
import { CustomFieldType } from '../ingestion/custom-field-item';
import { CustomerId, RfmSegmentName } from './customer-metrics';

export const ConsentStatus = z.enum(['given', 'withdrawn']);

/** A consent as it stands, or one change of it: given or withdrawn, when and where. */
export const ConsentState = z.object({
  channel: ConsentChannel,
  status: ConsentStatus,
  changedAt: Instant,
  source: z.string(),
});
export type ConsentState = z.infer<typeof ConsentState>;

/** A product as the profile shows it: name and picture, with the product's own id and SKU. */
export const ProductCard = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  imageUrl: z.string().nullable(),
});
export type ProductCard = z.infer<typeof ProductCard>;

/** The open cart: what the customer put in it and has not bought, valued in the cart's currency. */
export const OpenCart = z.object({
  currency: CurrencyCode,
  value: z.number(),
  updatedAt: Instant,
  items: z.array(ProductCard.extend({ quantity: z.number(), unitPrice: z.number(), value: z.number() })),
});
export type OpenCart = z.infer<typeof OpenCart>;

/** Favourites at their catalogue price; `value` sums the items priced in `currency`. */
export const Favourites = z.object({
  currency: CurrencyCode,
  value: z.number(),
  items: z.array(ProductCard.extend({ price: z.number().nullable(), currency: z.string().nullable(), addedAt: Instant })),
});
export type Favourites = z.infer<typeof Favourites>;

/** An order line; money in the account currency (line total × the order's rate). */
export const OrderLineView = ProductCard.extend({ quantity: z.number(), unitPrice: z.number(), total: z.number() });
export type OrderLineView = z.infer<typeof OrderLineView>;

/** An order with its store and lines; money in the account currency at the rate of the order date. */
export const OrderView = z.object({
  id: z.string(),
  externalId: z.string(),
  kind: z.enum(['sale', 'return']),
  status: z.enum(['placed', 'paid', 'shipped', 'completed', 'cancelled']),
  channel: z.enum(['ecommerce', 'store']),
  store: z.object({ id: z.number().int(), name: z.string() }),
  orderedAt: Instant,
  total: z.number(),
  lines: z.array(OrderLineView),
});
export type OrderView = z.infer<typeof OrderView>;

/** A typed extended attribute with its definition. */
export const AttributeView = z.object({
  key: z.string(),
  label: z.string(),
  type: CustomFieldType,
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
});
export type AttributeView = z.infer<typeof AttributeView>;

export const SegmentMembershipView = z.object({ id: z.string(), name: z.string(), since: Instant.nullable() });
export type SegmentMembershipView = z.infer<typeof SegmentMembershipView>;

/**
 * Everything the 360° profile page shows except the purchase figures (GET …/metrics) and the
 * timeline (GET …/timeline). Money is in `currency`, the account currency, unless a part says
 * otherwise (the cart is valued in its store's currency).
 */
export const CustomerProfile = z.object({
  id: CustomerId,
  externalId: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  currency: CurrencyCode,
  header: z.object({
    rfmSegment: RfmSegmentName.nullable().describe('from the customer metrics; null before they are computed'),
    clvState: z.string().nullable(),
    predictedClv: z.number().nullable(),
  }),
  personal: z.object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    documentNumber: z.string().nullable(),
    birthDate: CalendarDate.nullable(),
    gender: z.enum(['female', 'male', 'other']).nullable(),
    language: z.string().nullable(),
  }),
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
  }),
  consents: z.array(ConsentState).describe('the consent of each channel as it stands'),
  consentHistory: z.array(ConsentState).describe('every recorded change, newest first (at most 50)'),
  tags: z.array(z.string()),
  attributes: z.array(AttributeView),
  manager: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  cart: OpenCart.nullable(),
  favourites: Favourites,
  lastOrder: OrderView.nullable().describe('the newest purchase (a sale that is not cancelled)'),
  lastProducts: z.array(ProductCard.extend({ boughtAt: Instant })).describe('distinct products of the newest purchases, newest first (at most 12)'),
  segments: z.array(SegmentMembershipView),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;
