import * as z from 'zod';

/**
 * Lists of names too long for the catalogue (`GET /api/v1/segment-values`), searched as the
 * marketer types: product SKUs, customer tags, the values of the customer fields that repeat
 * (city, country, language, gender), and the values of a text custom field (`attributes.<key>`).
 */
export const SEARCHABLE_CUSTOMER_FIELDS = ['city', 'country', 'language', 'gender'] as const;

export const SegmentValueList = z
  .string()
  .regex(
    /^(products|tags|field\.(city|country|language|gender)|attributes\.[a-z][a-z0-9_]{0,62})$/,
    'needs products, tags, field.city|country|language|gender or attributes.<custom field key>',
  );
export type SegmentValueList = z.infer<typeof SegmentValueList>;

export const SegmentValueSearchQuery = z
  .object({
    q: z.string().max(200, 'is longer than 200 characters').default(''),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SegmentValueSearchQuery = z.infer<typeof SegmentValueSearchQuery>;

/** One name a rule may use: the value the rule stores, and how to show it (a product's SKU with its name). */
export const SegmentValueMatch = z.object({ value: z.string(), label: z.string() });
export type SegmentValueMatch = z.infer<typeof SegmentValueMatch>;

export const SegmentValueMatches = z.object({ items: z.array(SegmentValueMatch) });
export type SegmentValueMatches = z.infer<typeof SegmentValueMatches>;
