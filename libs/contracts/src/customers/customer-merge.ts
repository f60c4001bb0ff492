import * as z from 'zod';
import { CustomerId } from './customer-metrics';

/** Which profile's value a merged field takes. */
export const MergeSide = z.enum(['survivor', 'absorbed']);
export type MergeSide = z.infer<typeof MergeSide>;

/**
 * `POST /api/v1/customers/{survivorId}/merge` (and its preview): the duplicate to absorb and,
 * optionally, a side per field overriding the default rule (the newest non-empty value wins).
 * Fields are named as on the profile (`email`, `city`) and custom fields as `attributes.<key>`.
 */
export const CustomerMergeRequest = z
  .object({
    absorbedId: CustomerId,
    choices: z.record(z.string(), MergeSide).default({}),
  })
  .strict();
export type CustomerMergeRequest = z.infer<typeof CustomerMergeRequest>;

const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One field of the merge: both values, the side that wins and why. */
export const MergeFieldPlan = z.object({
  field: z.string(),
  survivor: FieldValue,
  absorbed: FieldValue,
  winner: MergeSide,
  reason: z.enum(['chosen', 'only-value', 'newest', 'same']),
});
export type MergeFieldPlan = z.infer<typeof MergeFieldPlan>;

/** Rows of one table that move from the absorbed profile to the survivor. */
export const MergeMove = z.object({ table: z.string(), rows: z.number().int() });
export type MergeMove = z.infer<typeof MergeMove>;

export const CustomerMergePreview = z.object({
  survivorId: CustomerId,
  absorbedId: CustomerId,
  fields: z.array(MergeFieldPlan),
  tags: z.array(z.string()),
  moves: z.array(MergeMove),
});
export type CustomerMergePreview = z.infer<typeof CustomerMergePreview>;

export const CustomerMergeResult = CustomerMergePreview.extend({ mergedAt: z.iso.datetime() });
export type CustomerMergeResult = z.infer<typeof CustomerMergeResult>;
