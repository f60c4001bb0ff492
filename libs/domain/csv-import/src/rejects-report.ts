import type { ImportReject } from '@marea/contracts';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The rejects of an import as a CSV a spreadsheet opens: row, column, message, original row. */
export function renderRejectsCsv(rejects: readonly ImportReject[]): string {
  const lines = ['row,column,message,original_row'];
  for (const reject of rejects) {
    lines.push([String(reject.row), reject.column ?? '', reject.message, reject.raw ?? ''].map(quote).join(','));
  }
  // A BOM so that Excel reads the report as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
