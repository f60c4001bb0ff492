import * as z from 'zod';
import { ImportEntity, ImportOptions } from './import-options';

export const ImportJobStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

/**
 * A CSV import and its progress. Rows are data rows (the header is not counted);
 * `processedRows = acceptedRows + rejectedRows` once the job completes.
 */
export const ImportJob = z.object({
  id: z.uuid(),
  entity: ImportEntity,
  fileName: z.string(),
  status: ImportJobStatus,
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  acceptedRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** Why a failed job could not read its file. */
  error: z.string().nullable(),
  /** Columns of the file that no field takes (they were ignored). */
  ignoredColumns: z.array(z.string()),
  options: ImportOptions,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobPage = z.object({
  items: z.array(ImportJob),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ImportJobPage = z.infer<typeof ImportJobPage>;

/** One reason a row was not imported; `column` is the file's column name when one is to blame. */
export const ImportReject = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
  raw: z.string().nullable(),
});
export type ImportReject = z.infer<typeof ImportReject>;
