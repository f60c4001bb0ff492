/**
 * Values in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes.
 * Written by hand rather than with a CSV library because tens of millions of values go through
 * here and each must cost next to nothing.
 */
export const NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;

export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Integer cents as a decimal with two places: 1234 → "12.34", -5 → "-0.05". */
export function cents(value: number): string {
  const negative = value < 0;
  const absolute = negative ? -value : value;
  const units = Math.floor(absolute / 100);
  const rest = absolute - units * 100;
  return `${negative ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

export function instant(ms: number): string {
  return new Date(ms).toISOString();
}

export function nullableInstant(ms: number | null): string {
  return ms === null ? NULL : instant(ms);
}

export function json(value: unknown): string {
  return text(JSON.stringify(value));
}

/** A text[] literal; every element quoted so commas and braces inside tags stay intact. */
export function textArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return text(`{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
}
