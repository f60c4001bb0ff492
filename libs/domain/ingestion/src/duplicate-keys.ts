/**
 * Items of one batch that repeat the key of an earlier item: index of the repeat → index of the
 * first. The first wins and the later ones are rejected naming it, because applying both would
 * make the outcome depend on the order rows happen to be written in.
 */
export function findDuplicateKeys(keys: readonly (string | undefined)[]): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else duplicates.set(index, seen);
  });
  return duplicates;
}
