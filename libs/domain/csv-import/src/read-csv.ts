import { parse } from 'csv-parse/sync';
import type { ImportFormat } from '@marea/contracts';
import { CsvFileError } from './csv-file-error';
import { countDelimiters, delimiterName, detectDelimiter, type Delimiter } from './detect-delimiter';
import type { RowReject } from './row-reject';

export interface CsvRow {
  /** The header is row 1; a quoted newline does not start a new row (as in a spreadsheet). */
  readonly rowNumber: number;
  readonly cells: readonly string[];
  readonly raw: string;
}

/** A file read into rows: the rows that could be read, and a reject for each that could not. */
export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly rejects: readonly RowReject[];
  /** Data rows in the file, readable or not (blank lines are not rows). */
  readonly totalRows: number;
}

const REPLACEMENT = '\uFFFD';
const MAX_RAW = 4000;

/**
 * Reads the bytes of an uploaded CSV file. A problem with the whole file (empty, wrong delimiter,
 * duplicate header) throws a CsvFileError; a problem with one row rejects that row only.
 */
export function readCsv(bytes: Uint8Array, format: Pick<ImportFormat, 'delimiter' | 'encoding'>): CsvTable {
  const { text, invalidBytes } = decode(bytes, format.encoding);
  if (text.trim() === '') throw new CsvFileError('EMPTY_FILE', 'The file is empty.');

  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = chooseDelimiter(headerLine, format.delimiter);
  const skipped: string[] = [];
  const records = parse(text, {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (_error, raw) => {
      skipped.push(raw ?? '');
      return undefined;
    },
  }) as unknown as { record: string[]; info: { records: number }; raw: string }[];

  const header = records[0]?.record.map((name) => name.trim()) ?? [];
  checkHeader(header);
  const rows: CsvRow[] = [];
  const rejects: RowReject[] = [];
  let lastRow = 1;
  for (const { record, info, raw } of records.slice(1)) {
    const rowNumber = info.records;
    lastRow = rowNumber;
    if (record.length === 1 && record[0].trim() === '') continue;
    const line = trimRaw(raw);
    const badColumn = invalidBytes ? record.findIndex((cell) => cell.includes(REPLACEMENT)) : -1;
    if (badColumn >= 0) {
      rejects.push({
        rowNumber,
        column: header[badColumn] ?? null,
        message:
          'contains bytes that are not valid UTF-8; save the file as UTF-8, or set the encoding ' +
          '(e.g. windows-1252 for files saved by Excel)',
        raw: line,
      });
    } else if (record.length !== header.length) {
      rejects.push({
        rowNumber,
        column: null,
        message: `has ${record.length} column${record.length === 1 ? '' : 's'}, the header has ${header.length}`,
        raw: line,
      });
    } else {
      rows.push({ rowNumber, cells: record, raw: line });
    }
  }
  for (const raw of skipped) {
    // csv-parse only gives up on a quote that is never closed: it swallows the rest of the file.
    lastRow += 1;
    rejects.push({
      rowNumber: lastRow,
      column: null,
      message: 'a quote opened in this row is never closed, so the rest of the file could not be read',
      raw: trimRaw(raw),
    });
  }
  const totalRows = rows.length + rejects.length;
  if (totalRows === 0) throw new CsvFileError('NO_ROWS', 'The file has a header row but no data rows.');
  return { delimiter, header, rows, rejects, totalRows };
}

function decode(bytes: Uint8Array, encoding: ImportFormat['encoding']): { text: string; invalidBytes: boolean } {
  // TextDecoder drops a leading BOM. Fatal first: a clean file is the common case, and only a
  // file with bad bytes needs its rows checked for the replacement character.
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), invalidBytes: false };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), invalidBytes: true };
  }
}

function chooseDelimiter(headerLine: string, requested: ImportFormat['delimiter']): Delimiter {
  if (requested === 'auto') return detectDelimiter(headerLine);
  const counts = countDelimiters(headerLine);
  const likely = detectDelimiter(headerLine);
  if (counts[requested] === 0 && counts[likely] > 0) {
    throw new CsvFileError(
      'WRONG_DELIMITER',
      `The file seems to use ${delimiterName(likely)} as delimiter, not ${delimiterName(requested)}: ` +
        `its header has no ${delimiterName(requested)} but ${counts[likely]} ${delimiterName(likely)}. ` +
        `Set the delimiter to ${delimiterName(likely)} or to auto.`,
    );
  }
  return requested;
}

function checkHeader(header: readonly string[]): void {
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      throw new CsvFileError(
        'DUPLICATE_COLUMN',
        `The header names column '${name}' twice (columns ${first + 1} and ${index + 1}).`,
      );
    }
    seen.set(name.toLowerCase(), index);
  });
}

function trimRaw(raw: string): string {
  const line = raw.replace(/\r?\n$/, '').replace(/\r$/, '');
  return line.length > MAX_RAW ? `${line.slice(0, MAX_RAW)}…` : line;
}
