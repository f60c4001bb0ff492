/** A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a value that a spreadsheet would read as a formula is prefixed with a single
 * quote, so it shows as text; a cell holding the delimiter, a quote or a line break is quoted.
 */
export function csvCell(value: string | null): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: (string | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
