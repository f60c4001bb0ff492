import type { BatchResult, ItemError } from '@marea/contracts';
import { columnOf, type ColumnBinding } from './column-binding';
import type { CsvFormat, MappedItem } from './csv-format';
import type { CsvRow } from './read-csv';
import { rejectFor, rejectsForCompanions } from './row-rejects';
import type { RowReject } from './row-reject';

export interface ChunkOutcome {
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly rejects: RowReject[];
}

/**
 * Translates the IngestionService's per-item answer back to the file: an error on
 * `lines[2].quantity` of item 5 becomes the row of that line and the column behind `quantity`.
 */
export function rejectsFromBatch(
  chunk: readonly MappedItem[],
  result: BatchResult,
  format: CsvFormat,
  binding: ColumnBinding,
): ChunkOutcome {
  const rejected = new Map(result.items.filter((r) => r.outcome === 'rejected').map((r) => [r.index, r.errors ?? []]));
  let acceptedRows = 0;
  let rejectedRows = 0;
  const rejects: RowReject[] = [];
  chunk.forEach((mapped, index) => {
    const errors = rejected.get(index);
    if (!errors) {
      acceptedRows += mapped.rows.length;
      return;
    }
    rejectedRows += mapped.rows.length;
    const guilty = new Set<number>();
    for (const error of errors.length > 0 ? errors : [{ field: '', message: 'was rejected' }]) {
      const reject = locateError(mapped, error, format, binding);
      guilty.add(reject.rowNumber);
      rejects.push(reject);
    }
    rejects.push(...rejectsForCompanions(mapped.rows, guilty, mapped.label));
  });
  return { acceptedRows, rejectedRows, rejects };
}

function locateError(mapped: MappedItem, error: ItemError, format: CsvFormat, binding: ColumnBinding): RowReject {
  const { field, line } = format.locate(error.field);
  const row: CsvRow = (line !== null ? mapped.lineRows?.[line] : undefined) ?? mapped.rows[0];
  const column = field === null ? null : columnOf(binding, field);
  // A value that came from no column (a default, or derived) is named so the user can find it.
  const message = column === null && field !== null ? `${field} ${error.message}` : error.message;
  return rejectFor(row, column, message);
}
