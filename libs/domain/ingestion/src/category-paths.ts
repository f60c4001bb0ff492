import type { FieldError } from './field-path';

/** One level of a category tree: "Hogar > Cocina" has name "Cocina" and parent "Hogar". */
export interface CategoryLevel {
  path: string;
  name: string;
  parentPath: string | null;
}

export const CATEGORY_SEPARATOR = ' > ';

/** Splits a path on ">" and trims each level, so "Hogar>Cocina" and "Hogar > Cocina" are one category. */
export function categoryNames(path: string): string[] {
  return path.split('>').map((name) => name.trim());
}

export function checkCategoryPaths(paths: readonly string[] | undefined): FieldError[] {
  return (paths ?? []).flatMap((path, i) =>
    categoryNames(path).some((name) => name === '')
      ? [{ field: `categories[${i}]`, message: 'has an empty level; write a path from the root such as "Hogar > Cocina"' }]
      : [],
  );
}

/**
 * Every level of every path, parents before children, each once: "Hogar > Cocina" yields
 * "Hogar" and "Hogar > Cocina". A product is linked to all of them, so a segment on "Hogar"
 * finds what was bought in "Hogar > Cocina" with a plain join.
 */
export function categoryLevels(paths: readonly string[]): CategoryLevel[] {
  const levels = new Map<string, CategoryLevel>();
  for (const raw of paths) {
    const names = categoryNames(raw);
    names.forEach((name, depth) => {
      const path = names.slice(0, depth + 1).join(CATEGORY_SEPARATOR);
      if (!levels.has(path)) {
        levels.set(path, { path, name, parentPath: depth === 0 ? null : names.slice(0, depth).join(CATEGORY_SEPARATOR) });
      }
    });
  }
  return [...levels.values()];
}
