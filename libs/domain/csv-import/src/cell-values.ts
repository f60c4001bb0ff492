import { zonedTimeToUtc } from './zoned-time';

/** A cell that could not be read as the field's type: the message completes "<column> …". */
export class CellError extends Error {}

/**
 * Reads a decimal number written with `.` or `,` as decimal separator; thousands separators
 * (the other character) are accepted in groups of three.
 */
export function readNumber(text: string, decimalSeparator: '.' | ','): number {
  const thousands = decimalSeparator === '.' ? ',' : '.';
  const compact = text.replace(/\s/g, '');
  const sep = decimalSeparator === '.' ? '\\.' : ',';
  const th = thousands === '.' ? '\\.' : ',';
  const shape = new RegExp(`^[+-]?(\\d+|\\d{1,3}(${th}\\d{3})+)(${sep}\\d+)?$`);
  if (!shape.test(compact)) {
    throw new CellError(`must be a number written like 1234${decimalSeparator}56, not '${text}'`);
  }
  return Number(compact.split(thousands).join('').replace(decimalSeparator, '.'));
}

/** Spreadsheets write numeric ids as floats (`17850.0`): the id is `17850`. */
export function readId(text: string): string {
  const match = /^(-?\d+)\.0+$/.exec(text);
  return match ? match[1] : text;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date-time. With an offset (`Z`, `+01:00`) it is taken as written; without one, as the
 * wall-clock time of `zone`; a bare date is midnight there.
 */
export function readInstant(text: string, zone: string): string {
  const match = DATE_TIME.exec(text);
  if (!match) {
    throw new CellError(`must be a date-time such as 2025-03-01 10:15:00 or 2025-03-01T10:15:00Z, not '${text}'`);
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset] = match;
  const localMs = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0${fraction || '.0'}`) * 1000));
  const check = new Date(localMs);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    throw new CellError(`is not a real date-time: '${text}'`);
  }
  if (offset === undefined) return zonedTimeToUtc(localMs, zone).toISOString();
  if (offset.toUpperCase() === 'Z') return new Date(localMs).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMs = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  return new Date(localMs - offsetMs).toISOString();
}

/** Several values in one cell, separated by `|` (a comma or semicolon would clash with the delimiter). */
export function readList(text: string): string[] {
  return text
    .split('|')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
