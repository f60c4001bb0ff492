import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/** The size of a segment after one computation, with how many entered and left. */
export const SegmentSizePoint = z.object({
  computedAt: Instant,
  size: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
});
export type SegmentSizePoint = z.infer<typeof SegmentSizePoint>;

export const SegmentSizeHistory = z.object({ items: z.array(SegmentSizePoint) });
export type SegmentSizeHistory = z.infer<typeof SegmentSizeHistory>;
