/** Names an object inherits from Object.prototype: data keys with these names are dropped. */
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);
const MAX_DEPTH = 20;

/**
 * The data a template sees, as plain values: objects with only their own data keys on the usual
 * prototype, arrays, strings, numbers, booleans, null, dates. A key named like a prototype
 * member (`toString`, `constructor` …), a function, a null-prototype object or a cycle in the
 * data could otherwise make Handlebars throw while printing (`'' + value`) or show something
 * that is not the customer's data.
 */
export function templateData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => templateData(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_NAMES.has(key)) continue;
    const item = templateData((value as Record<string, unknown>)[key], depth + 1);
    if (item !== undefined) copy[key] = item;
  }
  return copy;
}
