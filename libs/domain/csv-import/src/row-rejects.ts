import type { CsvRow } from './read-csv';
import type { RowReject } from './row-reject';
import type { CellProblem } from './row-reader';

export function rejectFor(row: CsvRow, column: string | null, message: string): RowReject {
  return { rowNumber: row.rowNumber, column, message, raw: row.raw };
}

export function rejectsForProblems(row: CsvRow, problems: readonly CellProblem[]): RowReject[] {
  return problems.map((problem) => rejectFor(row, problem.column, problem.message));
}

/**
 * The rows of an item that were fine but go down with it (an order is all or nothing), each
 * pointing at the row to fix.
 */
export function rejectsForCompanions(
  rows: readonly CsvRow[],
  guilty: ReadonlySet<number>,
  label: string,
): RowReject[] {
  const culprit = [...guilty].sort((a, b) => a - b)[0];
  return rows
    .filter((row) => !guilty.has(row.rowNumber))
    .map((row) => rejectFor(row, null, `not imported: ${label} was rejected because of row ${culprit}`));
}
