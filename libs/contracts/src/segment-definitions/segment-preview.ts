import * as z from 'zod';
import { SegmentMember } from './segment-members';

/** An unsaved rule to try. */
export const SegmentPreviewRequest = z.object({
  rule: z.unknown().refine((rule) => rule !== undefined, { message: 'is required' }),
});
export type SegmentPreviewRequest = z.infer<typeof SegmentPreviewRequest>;

/** How many customers the rule selects now, and the first of them (by customer id). */
export const SegmentPreview = z.object({
  count: z.number().int(),
  customers: z.array(SegmentMember.omit({ enteredAt: true })),
  evaluatedAt: z.string(),
});
export type SegmentPreview = z.infer<typeof SegmentPreview>;
