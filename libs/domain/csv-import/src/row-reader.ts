import type { ImportFormat } from '@marea/contracts';
import { CellError, readId, readInstant, readList, readNumber } from './cell-values';
import { columnOf, type ColumnBinding } from './column-binding';
import type { CsvRow } from './read-csv';

export interface CellProblem {
  readonly field: string;
  readonly column: string | null;
  readonly message: string;
}

/**
 * Reads one row's cells by field name, typed. A cell that cannot be read is recorded as a
 * problem naming its column, and reads as absent, so one pass collects every problem of a row.
 */
export class RowReader {
  readonly problems: CellProblem[] = [];

  constructor(
    private readonly binding: ColumnBinding,
    readonly row: CsvRow,
    private readonly format: Pick<ImportFormat, 'decimalSeparator' | 'timezone'>,
  ) {}

  has(field: string): boolean {
    return this.binding.columns.has(field);
  }

  /** The trimmed cell, or undefined when the column is absent or the cell empty. */
  text(field: string): string | undefined {
    const index = this.binding.columns.get(field)?.[0];
    const value = index === undefined ? undefined : this.row.cells[index]?.trim();
    return value === '' ? undefined : value;
  }

  id(field: string): string | undefined {
    const text = this.text(field);
    return text === undefined ? undefined : readId(text);
  }

  /** A number; a field fed by several columns is their sum (empty cells count as nothing). */
  number(field: string): number | undefined {
    let total: number | undefined;
    for (const index of this.binding.columns.get(field) ?? []) {
      const text = this.row.cells[index]?.trim();
      if (!text) continue;
      const value = this.read(field, () => readNumber(text, this.format.decimalSeparator));
      if (value !== undefined) total = (total ?? 0) + value;
    }
    return total;
  }

  instant(field: string): string | undefined {
    const text = this.text(field);
    return text === undefined ? undefined : this.read(field, () => readInstant(text, this.format.timezone));
  }

  list(field: string): string[] | undefined {
    const text = this.text(field);
    return text === undefined ? undefined : readList(text);
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, column: columnOf(this.binding, field), message });
  }

  private read<T>(field: string, reader: () => T): T | undefined {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.problem(field, error.message);
      return undefined;
    }
  }
}
