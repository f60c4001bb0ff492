import * as z from 'zod';
import { AttributeValue, CalendarDate, CustomFieldKey, ExternalId, Tag } from './primitives';

const text = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * A customer as an integrator sends it. Upsert semantics: a field left out keeps its stored
 * value, `null` clears it. `tags` replaces the customer's tags; `attributes` sets only the
 * custom fields it names (values typed by their definition, see CustomFieldItem).
 */
export const CustomerItem = z
  .object({
    externalId: ExternalId,
    firstName: text(200),
    lastName: text(200),
    documentNumber: text(100),
    email: z.email({ message: 'must be an email address' }).max(320).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{3,30}$/, 'must be a phone number, e.g. +34 600 123 456')
      .nullable()
      .optional(),
    birthDate: CalendarDate.nullable().optional(),
    gender: z.enum(['female', 'male', 'other']).nullable().optional(),
    city: text(200),
    country: text(100),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language tag such as es or pt-BR')
      .nullable()
      .optional(),
    tags: z.array(Tag).max(200).optional(),
    attributes: z.record(CustomFieldKey, AttributeValue).optional(),
    managerEmail: z.email({ message: 'must be an email address' }).nullable().optional(),
  })
  .strict();
export type CustomerItem = z.infer<typeof CustomerItem>;
