import * as z from 'zod';
import { CustomerItem } from '../ingestion/customer-item';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2, e.g. ES or PL (what the demo shop and the CSV import store). */
export const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code such as ES')
  .refine((code) => !/^[A-Z]{2}$/.test(code) || regions.of(code) !== undefined, { message: 'is not a known ISO 3166 country code' });

/**
 * `PATCH /api/v1/customers/{id}`: the fields a user edits on the profile, with the rules of the
 * ingestion API (a field left out keeps its value, `null` clears it; `tags` replace the tags;
 * `attributes` set only the custom fields they name, typed by their definition). The external
 * id is the integrator's key and is not edited here.
 */
export const CustomerEdit = CustomerItem.omit({ externalId: true, managerEmail: true, country: true })
  .extend({ country: CountryCode.nullable().optional() })
  .strict();
export type CustomerEdit = z.infer<typeof CustomerEdit>;

/** The fields an edit can change, as recorded in the customer's change history. */
export const EditableField = z.enum([
  'firstName',
  'lastName',
  'documentNumber',
  'email',
  'phone',
  'birthDate',
  'gender',
  'city',
  'country',
  'language',
  'tags',
  'attributes',
]);
export type EditableField = z.infer<typeof EditableField>;
