/** Writes a node path the way a reader finds it in the rule's JSON: `conditions[1].test.value`. */
export function rulePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}
