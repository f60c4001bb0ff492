import type { CustomFieldType, ImportEntity, ImportOptions } from '@marea/contracts';
import { bindColumns, type ColumnBinding } from './column-binding';
import type { CsvFormat, MappedItem } from './csv-format';
import { csvFormats } from './csv-formats';
import { readCsv } from './read-csv';
import type { RowReject } from './row-reject';

/** Everything a job needs to send a file to ingestion, derived deterministically from its bytes. */
export interface ImportPlan {
  readonly format: CsvFormat;
  readonly binding: ColumnBinding;
  readonly totalRows: number;
  /** Items in file order, ready to send in chunks. */
  readonly items: readonly MappedItem[];
  /** Rows rejected before ingestion: unreadable, or cells of the wrong type. */
  readonly rejects: readonly RowReject[];
  readonly rejectedRows: number;
}

/**
 * Reads and maps a file. Throws CsvFileError when the file as a whole cannot be imported.
 * Deterministic: a job resumed by another worker re-plans the same chunks.
 */
export function planImport(
  bytes: Uint8Array,
  entity: ImportEntity,
  options: ImportOptions,
  customFieldTypes: ReadonlyMap<string, CustomFieldType> = new Map(),
): ImportPlan {
  const format = csvFormats[entity];
  const table = readCsv(bytes, options.format);
  const binding = bindColumns(table.header, format.fields, options.mapping, options.defaults, {
    attributes: format.attributes,
    entity,
  });
  const mapped = format.toItems(table.rows, binding, { options, customFieldTypes });
  return {
    format,
    binding,
    totalRows: table.totalRows,
    items: mapped.items,
    rejects: [...table.rejects, ...mapped.rejects],
    rejectedRows: table.rejects.length + mapped.rejectedRows,
  };
}

export interface ChunkLimits {
  /** Items per ingestion batch. */
  readonly items: number;
  /** Rows per batch: an order of many lines counts for each of them. */
  readonly rows: number;
}

/**
 * Splits the items into ingestion batches within both limits, never splitting an item (an
 * order's lines stay together): one chunk is one batch and one transaction.
 */
export function chunkItems(items: readonly MappedItem[], limits: ChunkLimits): MappedItem[][] {
  const chunks: MappedItem[][] = [];
  let current: MappedItem[] = [];
  let rows = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limits.items || rows + item.rows.length > limits.rows)) {
      chunks.push(current);
      current = [];
      rows = 0;
    }
    current.push(item);
    rows += item.rows.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
