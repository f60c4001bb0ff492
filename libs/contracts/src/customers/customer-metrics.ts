import * as z from 'zod';
import { CurrencyCode, Instant } from '../ingestion/primitives';
import { CustomerClv } from '../analyses/clv-model';

/** Marea's own id of a customer (a bigint, written in decimal). */
export const CustomerId = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a customer id such as 42');
export type CustomerId = z.infer<typeof CustomerId>;

/** A quintile score: 5 is the best fifth of the base, 1 the worst. */
export const QuintileScore = z.number().int().min(1).max(5);

/** The named RFM segments; docs/customer-metrics.md publishes the mapping from scores. */
export const RfmSegmentName = z.enum([
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'needs_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
]);
export type RfmSegmentName = z.infer<typeof RfmSegmentName>;

export const RfmScores = z.object({
  recency: QuintileScore,
  frequency: QuintileScore,
  monetary: QuintileScore,
  margin: QuintileScore,
  segment: RfmSegmentName,
  computedAt: Instant.describe('when the quintiles over the whole base were last computed'),
});
export type RfmScores = z.infer<typeof RfmScores>;

/** One product-attribute value (a category by default) and its share of the customer's purchases. */
export const Affinity = z.object({
  attribute: z.string().describe('the product attribute the affinity is computed on, e.g. category'),
  value: z.string(),
  share: z.number().min(0).max(1).describe('share of the customer\'s net spend'),
});
export type Affinity = z.infer<typeof Affinity>;

/** The same figure all time and over the 12 months before `asOf`. */
const AllTimeAnd12Months = z.object({ allTime: z.number(), last12Months: z.number() });

/**
 * A customer's purchase figures. One definition, shared by the profile, the segment conditions
 * and the analyses: money is net (after tax and discounts, returns subtracted) in the account
 * currency at the rate of the order date; purchases of one customer on one calendar day in the
 * store's time zone are one ticket; cancelled orders do not count.
 */
export const CustomerMetrics = z.object({
  customerId: CustomerId,
  currency: CurrencyCode,
  asOf: Instant.describe('"now" for the 12-month window, the tenure and the days since'),
  tickets: AllTimeAnd12Months,
  revenue: AllTimeAnd12Months,
  margin: AllTimeAnd12Months,
  averageTicket: z.number().nullable().describe('net revenue / tickets; null without tickets'),
  averageUnitPrice: z.number().nullable().describe('net revenue / net units bought; null without units'),
  returns: z.number().int().describe('return orders'),
  firstPurchase: z
    .object({
      at: Instant,
      storeId: z.number().int(),
      storeName: z.string(),
      tenureDays: z.number().int(),
    })
    .nullable(),
  lastPurchase: z.object({ at: Instant, daysSince: z.number().int() }).nullable(),
  lastActivityAt: Instant.nullable().describe('the newest order, event, consent change or message'),
  affinity: z.object({
    primary: Affinity.nullable(),
    secondary: Affinity.nullable(),
    minimumTickets: z.number().int().describe('affinity is shown from this many tickets on'),
  }),
  rfm: RfmScores.nullable().describe('null for a customer without a purchase'),
  clv: CustomerClv.nullable().describe('model-based CLV from the latest fit (docs/clv.md), with its computedAt; null before a fit scored the customer'),
});
export type CustomerMetrics = z.infer<typeof CustomerMetrics>;
