import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/** A current member of a segment: enough to recognise the person, and since when. */
export const SegmentMember = z.object({
  id: z.string(),
  externalId: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  enteredAt: Instant,
});
export type SegmentMember = z.infer<typeof SegmentMember>;

export const SegmentMembersQuery = z.object({
  page: z.coerce.number({ message: 'must be a page number from 1' }).int().min(1, 'must be a page number from 1').default(1),
  pageSize: z.coerce.number({ message: 'must be a number from 1 to 500' }).int().min(1).max(500, 'must be at most 500').default(50),
});
export type SegmentMembersQuery = z.infer<typeof SegmentMembersQuery>;

/** Members in customer id order; `total` is the segment's current size. */
export const SegmentMemberPage = z.object({
  items: z.array(SegmentMember),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SegmentMemberPage = z.infer<typeof SegmentMemberPage>;
