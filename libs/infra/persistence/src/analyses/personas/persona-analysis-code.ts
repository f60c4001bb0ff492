/**
 * The code segment rules name an analysis by: its name in lower-case ASCII words joined by
 * hyphens ("Huerto y jardín 2026" → "huerto-y-jardin-2026"); "persona" when nothing is left.
 */
export function personaCodeBase(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return words || 'persona';
}

/** The base itself when free, else the base with the first free number ("huerto-2", "huerto-3" …). */
export function firstFreeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
