/**
 * A symbolic code suggested from a segment's name ("Clientes VIP de jardín" → `clientes-vip-de-jardin`):
 * lower-case ASCII letters and digits joined by "-", at most 63 characters, as the API requires.
 */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
