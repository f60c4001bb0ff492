import * as z from 'zod';
import { CurrencyCode, ExternalId, Instant, Money, NonNegativeMoney } from './primitives';

/**
 * One line of an order. Quantities are positive in a sale and negative in a return. `total`
 * defaults to quantity × unitPrice − discount + tax.
 */
export const OrderLineItem = z
  .object({
    sku: ExternalId,
    productName: z.string().trim().min(1).max(500).optional(),
    quantity: z
      .number({ message: 'must be a number' })
      .finite()
      .refine((q) => q !== 0, 'must not be 0')
      .refine((q) => Math.abs(q) < 1e8, 'is too large'),
    unitPrice: NonNegativeMoney.refine((price) => price < 1e10, 'is too large'),
    discount: NonNegativeMoney.optional(),
    tax: Money.optional(),
    total: Money.optional(),
    cost: Money.optional(),
  })
  .strict();
export type OrderLineItem = z.infer<typeof OrderLineItem>;

/**
 * An order (kind `sale`) or a return (kind `return`, negative quantities and total). `total` is
 * what the customer paid: after discounts, tax included; it defaults to the sum of the lines plus
 * shipping. A customer or product not yet known is created from the reference (and reported).
 * Money is in `currency` (default: the store's) and converted to the account currency at the
 * rate of the order date.
 */
export const OrderItem = z
  .object({
    externalId: ExternalId,
    customerExternalId: ExternalId,
    storeExternalId: ExternalId,
    channel: z.enum(['ecommerce', 'store']).optional(),
    kind: z.enum(['sale', 'return']).default('sale'),
    status: z.enum(['placed', 'paid', 'shipped', 'completed', 'cancelled']).default('completed'),
    returnedOrderExternalId: ExternalId.optional(),
    orderedAt: Instant,
    currency: CurrencyCode.optional(),
    lines: z.array(OrderLineItem).min(1, 'an order needs at least one line').max(1000),
    shipping: NonNegativeMoney.optional(),
    discount: NonNegativeMoney.optional(),
    tax: Money.optional(),
    total: Money.optional(),
    cost: Money.optional(),
    margin: Money.optional(),
  })
  .strict();
export type OrderItem = z.infer<typeof OrderItem>;
