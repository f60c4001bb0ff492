// The analyses library does no I/O; only its tests read the published data sets, in place, from
// ../shared/data (relative to the repository root). Nothing outside the specs imports this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED_DATA = join(__dirname, '../../../../../../shared/data');

/** The lines of a shared data file, without the trailing empty line (CRLF or LF). */
export function readDataLines(path: string): string[] {
  return readFileSync(join(SHARED_DATA, path), 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
}

/** Rows of a CSV whose quoted fields may hold commas (but no quotes or line breaks), header removed. */
export function readCsvRows(path: string): string[][] {
  return readDataLines(path)
    .slice(1)
    .map((line) => Array.from(line.matchAll(/(?:^|,)(?:"([^"]*)"|([^,]*))/g), (match) => match[1] ?? match[2]));
}

/** Whole days since 1970-01-01 of a YYYYMMDD date. */
export function dayNumber(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}
