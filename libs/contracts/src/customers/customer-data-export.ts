import * as z from 'zod';

/** One stored row as kept: column names and values as PostgreSQL returns them. */
const StoredRow = z.record(z.string(), z.unknown());

/**
 * Everything Marea holds about one customer (GDPR art. 15 and 20): the profile row, the profiles
 * merged into it, and every row of every table that belongs to the customer, with the rows of
 * their child tables (an order's lines, a cart's items).
 */
export const CustomerDataExport = z.object({
  exportedAt: z.iso.datetime(),
  customerId: z.string(),
  profile: StoredRow,
  mergedProfiles: z.array(StoredRow),
  tables: z.array(z.object({ table: z.string(), rows: z.array(StoredRow) })),
});
export type CustomerDataExport = z.infer<typeof CustomerDataExport>;

export const CustomerExportFormat = z.enum(['json', 'xml', 'html']);
export type CustomerExportFormat = z.infer<typeof CustomerExportFormat>;

/** What erasing a customer did: its orders stay, anonymous; every other row about them is gone. */
export const CustomerErasureResult = z.object({
  customerId: z.string(),
  erasedAt: z.iso.datetime(),
  removedRows: z.number().int().describe('rows deleted from the tables that held the customer'),
});
export type CustomerErasureResult = z.infer<typeof CustomerErasureResult>;
