import * as z from 'zod';
import { CurrencyCode, Instant } from '../ingestion/primitives';

/** A count and an amount over the same orders: all time, or within a window. */
const OrderFigures = z.object({
  orders: z.number().int().describe('sales (returns and cancelled orders excluded)'),
  revenue: z.number().describe('net revenue in the account currency: after tax and discounts, returns subtracted'),
});

/** One calendar month (in the account time zone) of the revenue chart. */
export const OverviewMonth = OrderFigures.extend({
  month: z.string().regex(/^\d{4}-\d{2}$/).describe('YYYY-MM'),
});
export type OverviewMonth = z.infer<typeof OverviewMonth>;

/**
 * The figures of the Overview dashboard, read live from the database. Money is in the account
 * currency (orders are converted at the rate of their order date when they are stored).
 */
export const Overview = z.object({
  accountName: z.string(),
  currency: CurrencyCode.describe('the account currency every amount is expressed in'),
  asOf: Instant.describe('the moment the figures were read'),
  customers: z.number().int(),
  products: z.number().int(),
  stores: z.number().int(),
  allTime: OrderFigures,
  last12Months: OrderFigures,
  eventsLast30Days: z.number().int(),
  lastOrderAt: Instant.nullable().describe('the newest sale, or null when there is none'),
  months: z.array(OverviewMonth).describe('the last 12 calendar months, oldest first, the current month included'),
});
export type Overview = z.infer<typeof Overview>;
