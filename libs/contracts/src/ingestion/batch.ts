import * as z from 'zod';

/**
 * Where an item went wrong: `field` is a path inside the item, e.g. `lines[2].quantity` (empty
 * when the item as a whole is wrong); `path` is the same place from the request body,
 * e.g. `items[3].lines[2].quantity`.
 */
export const ItemError = z.object({
  field: z.string(),
  path: z.string().optional(),
  message: z.string(),
});
export type ItemError = z.infer<typeof ItemError>;

export const ItemOutcome = z.enum(['created', 'updated', 'unchanged', 'rejected']);
export type ItemOutcome = z.infer<typeof ItemOutcome>;

export const ItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().optional(),
  outcome: ItemOutcome,
  errors: z.array(ItemError).optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

/**
 * The answer to a batch upsert. A rejected item never stops the others; `unchanged` counts
 * items identical to what was stored (a batch sent twice is all `unchanged` the second time).
 */
export const BatchResult = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  items: z.array(ItemResult),
  /**
   * Customers or products created because an order, event or consent referred to them, and
   * manager users created because a customer named them (`managerEmail`).
   */
  referencesCreated: z
    .object({
      customers: z.number().int(),
      products: z.number().int(),
      managers: z.number().int().optional(),
    })
    .optional(),
});
export type BatchResult = z.infer<typeof BatchResult>;

/** The body of every batch endpoint: `{ "items": [ … ] }`. Items are validated one by one. */
export const BatchEnvelope = z.object({ items: z.array(z.unknown()) }).strict();
