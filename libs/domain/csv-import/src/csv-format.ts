import type { CustomFieldType, ImportEntity, ImportOptions } from '@marea/contracts';
import type { ColumnBinding, FieldSpec } from './column-binding';
import type { CsvRow } from './read-csv';
import type { RowReject } from './row-reject';

/** An item for the IngestionService and the rows of the file it came from. */
export interface MappedItem {
  readonly item: Record<string, unknown>;
  /** Every row the item was built from, first row first. */
  readonly rows: readonly CsvRow[];
  /** For orders: the row of each line, by line index. */
  readonly lineRows?: readonly CsvRow[];
  /** How a message names the item, e.g. "order 536365". */
  readonly label: string;
}

export interface MappedRows {
  readonly items: MappedItem[];
  /** Rows whose cells could not be read, with every reason. */
  readonly rejects: RowReject[];
  readonly rejectedRows: number;
}

/** Where an item error's field path (`lines[2].quantity`) points in the file. */
export interface FieldLocation {
  /** The CSV field, or null when the error is about the whole item. */
  readonly field: string | null;
  /** The line index for orders. */
  readonly line: number | null;
}

/** What a format needs besides the rows: the import's options and the account's custom fields. */
export interface MappingContext {
  readonly options: ImportOptions;
  /** A cell of `attributes.<key>` is read as the type of custom field `key` (text when unknown). */
  readonly customFieldTypes: ReadonlyMap<string, CustomFieldType>;
}

/** The CSV format of one entity: its fields, how rows become items, and how errors map back. */
export interface CsvFormat {
  readonly entity: ImportEntity;
  readonly fields: readonly FieldSpec[];
  /** Accepts `attributes.<name>` columns. */
  readonly attributes: boolean;
  toItems(rows: readonly CsvRow[], binding: ColumnBinding, context: MappingContext): MappedRows;
  locate(path: string): FieldLocation;
}
