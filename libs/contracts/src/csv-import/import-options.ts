import * as z from 'zod';
import { CurrencyCode, ExternalId, TimeZone } from '../ingestion/primitives';

export const ImportEntity = z.enum(['customers', 'products', 'orders']);
export type ImportEntity = z.infer<typeof ImportEntity>;

/**
 * File column → Marea field (docs/csv-import.md lists the fields of each entity). `null` ignores
 * the column. Columns not named here are matched to a field of the same name, ignoring case,
 * spaces, `_` and `-` (`Customer ID` → `customerId`).
 */
export const ColumnMapping = z.record(z.string().min(1).max(200), z.string().min(1).max(200).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * Values used where the file has no column or an empty cell. `kind` `infer` (the default) makes
 * an order whose quantities are all negative a return.
 */
export const ImportDefaults = z
  .object({
    storeId: ExternalId.optional(),
    currency: CurrencyCode.optional(),
    channel: z.enum(['ecommerce', 'store']).optional(),
    status: z.enum(['placed', 'paid', 'shipped', 'completed', 'cancelled']).optional(),
    kind: z.enum(['sale', 'return', 'infer']).optional(),
    country: z.string().trim().min(1).max(100).optional(),
    language: z.string().min(2).max(10).optional(),
  })
  .strict();
export type ImportDefaults = z.infer<typeof ImportDefaults>;

/** How the bytes of the file are written. */
export const ImportFormat = z
  .object({
    /** `auto` (the default) detects `,` `;` tab or `|` from the header line. */
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    encoding: z.enum(['utf-8', 'windows-1252', 'iso-8859-1']).default('utf-8'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** Zone of date-times written without an offset, such as `2011-01-23 13:33:00`. */
    timezone: TimeZone.default('UTC'),
  })
  .strict();
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportOptions = z
  .object({
    mapping: ColumnMapping.default({}),
    defaults: ImportDefaults.default({}),
    format: ImportFormat.default({ delimiter: 'auto', encoding: 'utf-8', decimalSeparator: '.', timezone: 'UTC' }),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;
