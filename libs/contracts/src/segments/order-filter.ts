import * as z from 'zod';

const Names = z.array(z.string().min(1, 'must not be empty').max(500)).max(1000);

/**
 * Include and exclude lists of one filter (the green and red ticks of the builder): a value
 * passes when the include list is empty or holds it, and the exclude list does not.
 */
export const IncludeExclude = z
  .object({ include: Names.default([]), exclude: Names.default([]) })
  .strict();
export type IncludeExclude = z.infer<typeof IncludeExclude>;

/** One product attribute (brand, department …) compared as text with include/exclude lists. */
export const ProductAttributeFilter = IncludeExclude.extend({
  key: z.string().min(1, 'needs the attribute name').max(100),
});
export type ProductAttributeFilter = z.infer<typeof ProductAttributeFilter>;

/**
 * Which orders and lines an order condition looks at. Stores by their external id, channels,
 * products by SKU, categories by path ("Jardín y exterior" also takes "Jardín y exterior >
 * Plantas") and product attributes. Store and channel select orders; product, category and
 * attribute filters select lines, and then only the money and units of those lines count.
 */
export const OrderFilter = z
  .object({
    stores: IncludeExclude.optional(),
    channels: z
      .object({
        include: z.array(z.enum(['ecommerce', 'store'])).default([]),
        exclude: z.array(z.enum(['ecommerce', 'store'])).default([]),
      })
      .strict()
      .optional(),
    products: IncludeExclude.optional(),
    categories: IncludeExclude.optional(),
    productAttributes: z.array(ProductAttributeFilter).max(20).optional(),
  })
  .strict();
export type OrderFilter = z.infer<typeof OrderFilter>;
