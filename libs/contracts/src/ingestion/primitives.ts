import * as z from 'zod';

const currencies = new Set(Intl.supportedValuesOf('currency'));
const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** The id an integrator gives a record; Marea keys upserts on it. */
export const ExternalId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .refine((code) => currencies.has(code), { message: 'is not a known ISO 4217 currency' });

export const TimeZone = z.string().refine((zone) => timeZones.has(zone), {
  message: 'must be an IANA time zone such as Europe/Madrid',
});

/** A calendar date `YYYY-MM-DD` that exists (2023-02-29 does not). */
export const CalendarDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD' });

/** An instant with its offset, e.g. 2025-03-01T10:15:00Z or 2025-03-01T11:15:00+01:00. */
export const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone, e.g. 2025-03-01T10:15:00Z',
});

/** Money as a number with at most 4 decimals (what the database keeps). */
export const Money = z
  .number({ message: 'must be a number' })
  .finite()
  .refine((value) => Math.abs(value) < 1e12, { message: 'is too large' });

export const NonNegativeMoney = Money.refine((value) => value >= 0, { message: 'must not be negative' });

export const Tag = z.string().trim().min(1).max(100);

/** Key of a typed custom field: lower-case letters, digits and underscores. */
export const CustomFieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and underscores, starting with a letter');

/** Free attributes of a product (brand, department …) or values of a customer's custom fields. */
export const AttributeValue = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;
