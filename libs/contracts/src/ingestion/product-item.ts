import * as z from 'zod';
import { AttributeValue, CurrencyCode, ExternalId, NonNegativeMoney } from './primitives';

/**
 * A product keyed by its SKU. `categories` are paths from the root joined by " > "
 * ("Hogar > Cocina"); every level becomes a category. `attributes` hold the rest (brand,
 * department …) and can be used like categories in segments and analyses.
 */
export const ProductItem = z
  .object({
    externalId: ExternalId,
    name: z.string().trim().min(1).max(500),
    price: NonNegativeMoney.refine((price) => price < 1e10, 'is too large').nullable().optional(),
    currency: CurrencyCode.nullable().optional(),
    imageUrl: z.url({ message: 'must be an absolute URL' }).max(2000).nullable().optional(),
    categories: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
    attributes: z.record(z.string().min(1).max(100), AttributeValue).optional(),
  })
  .strict();
export type ProductItem = z.infer<typeof ProductItem>;
