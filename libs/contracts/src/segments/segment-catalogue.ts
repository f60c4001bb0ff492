import * as z from 'zod';
import { CustomFieldType } from '../ingestion/custom-field-item';

/**
 * What a rule may refer to, read from the shop when a rule is validated or compiled: the
 * account's time zone (relative dates count in it), custom-field definitions (their type decides
 * the operators), and optionally the known categories, stores, products, managers and segments
 * (a list left out is not checked).
 */
export const SegmentCatalogue = z.object({
  timeZone: z.string(),
  customFields: z.array(z.object({ key: z.string(), label: z.string(), type: CustomFieldType })),
  categories: z.array(z.string()).optional(),
  stores: z.array(z.string()).optional(),
  products: z.array(z.string()).optional(),
  managers: z.array(z.string()).optional(),
  segments: z.array(z.string()).optional(),
});
export type SegmentCatalogue = z.infer<typeof SegmentCatalogue>;
