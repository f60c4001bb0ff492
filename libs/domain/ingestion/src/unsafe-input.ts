import { childField, type FieldError } from './field-path';

const MAX_DEPTH = 32;

/**
 * Finds what must never reach storage or an object literal: keys named `__proto__` (a JSON
 * parser keeps them as data, but copying them into a plain object would change its prototype
 * or silently drop them), the NUL character (PostgreSQL text and jsonb cannot hold it), and
 * nesting deep enough to exhaust a recursive reader. Reported, never silently altered.
 */
export function findUnsafeInput(value: unknown, field = '', depth = 0): FieldError[] {
  // Every item of every batch passes here and nearly all are clean: the walk allocates nothing
  // (no path strings, no arrays) until it finds something to report.
  return isSafe(value, depth) ? [] : unsafeParts(value, field, depth);
}

function isSafe(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !value.includes('\u0000');
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const element of value) if (!isSafe(element, depth + 1)) return false;
    return true;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key.includes('\u0000')) return false;
    if (!isSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function unsafeParts(value: unknown, field: string, depth: number): FieldError[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field, message: 'must not contain the NUL character (\\u0000)' }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ field, message: `is nested more than ${MAX_DEPTH} levels deep` }];
  if (Array.isArray(value)) {
    return value.flatMap((element, index) => findUnsafeInput(element, `${field}[${index}]`, depth + 1));
  }
  return Object.keys(value).flatMap((key) => {
    const path = childField(field, /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`);
    if (key === '__proto__') return [{ field: path, message: '"__proto__" is a reserved name and cannot be used as a key' }];
    if (key.includes('\u0000')) return [{ field, message: 'keys must not contain the NUL character (\\u0000)' }];
    return findUnsafeInput((value as Record<string, unknown>)[key], path, depth + 1);
  });
}
