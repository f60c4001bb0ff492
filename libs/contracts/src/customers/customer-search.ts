import * as z from 'zod';
import { Instant } from '../ingestion/primitives';
import { CustomerId } from './customer-metrics';

/** `GET /api/v1/customers`: a free-text query over name, email, phone and external id, paged. */
export const CustomerSearchQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  page: z.coerce.number({ message: 'must be a page number from 1' }).int().min(1, 'must be a page number from 1').default(1),
  pageSize: z.coerce.number({ message: 'must be a number from 1 to 100' }).int().min(1).max(100, 'must be at most 100').default(25),
});
export type CustomerSearchQuery = z.infer<typeof CustomerSearchQuery>;

/** One line of the customer list: enough to recognise the person and open the profile. */
export const CustomerSummary = z.object({
  id: CustomerId,
  externalId: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  createdAt: Instant,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** A page of matches, newest customers first; `hasMore` says whether a next page exists. */
export const CustomerSearchPage = z.object({
  items: z.array(CustomerSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
});
export type CustomerSearchPage = z.infer<typeof CustomerSearchPage>;
