import * as z from 'zod';

/**
 * One change an automation makes to a customer's data. `field` is a column of the
 * editable-field map (`city`, `language`, …) or a typed custom field (`attributes.<name>`);
 * tags are handled by their own operations because they are a set, not a value.
 */
export const AttributeOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), field: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ op: z.literal('clear'), field: z.string() }),
  z.object({ op: z.literal('increment'), field: z.string(), by: z.number() }),
  z.object({ op: z.literal('add-tag'), tag: z.string().min(1) }),
  z.object({ op: z.literal('remove-tag'), tag: z.string().min(1) }),
]);
export type AttributeOperation = z.infer<typeof AttributeOperation>;
