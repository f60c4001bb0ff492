import * as z from 'zod';
import { CustomFieldKey } from './primitives';

export const CustomFieldType = z.enum(['text', 'number', 'date', 'boolean']);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** The definition of a typed extended attribute of customers. */
export const CustomFieldItem = z
  .object({
    key: CustomFieldKey,
    label: z.string().trim().min(1).max(200),
    type: CustomFieldType,
  })
  .strict();
export type CustomFieldItem = z.infer<typeof CustomFieldItem>;
