import { CustomFieldKey, PersonaEnrichmentRequest, type PersonaCluster } from '@marea/contracts';

export interface EnrichmentPair {
  readonly key: string;
  readonly value: string;
}

export interface PairProblems {
  /** Per row, in the order of the pairs. */
  readonly rows: readonly { key?: string; value?: string }[];
  /** About the pairs as a whole (none, too many). */
  readonly general: string | null;
}

/** The key of a custom field named after an attribute value: "Huerto ECO" → `propensity_huerto_eco`. */
export function propensityKey(value: string): string {
  const slug = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `propensity_${slug}`.slice(0, 63);
}

/** Where an enrichment starts: the cluster's name as its persona. */
export function firstPairs(cluster: PersonaCluster): EnrichmentPair[] {
  return [{ key: 'persona', value: cluster.name }];
}

/** The cluster's propensity level towards every value, as pairs (as in Pleasepoint's enrichment table). */
export function propensityPairs(cluster: PersonaCluster, values: readonly string[]): EnrichmentPair[] {
  return values.map((value, v) => ({ key: propensityKey(value), value: cluster.propensity[v] }));
}

/** The pairs as the request's attributes; on a repeated key the first one counts. */
export function attributesOf(pairs: readonly EnrichmentPair[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const { key, value } of pairs) attributes[key.trim()] ??= value;
  return attributes;
}

/**
 * What the server would refuse, at the row it is about: a key that is not a custom field key, a
 * key used twice, an empty or too long value (the contract's rules and words), and the count of
 * pairs.
 */
export function pairProblems(pairs: readonly EnrichmentPair[]): PairProblems {
  const rows: { key?: string; value?: string }[] = pairs.map(() => ({}));
  const firstRowOf = new Map<string, number>();
  pairs.forEach(({ key }, row) => {
    const trimmed = key.trim();
    const parsed = CustomFieldKey.safeParse(trimmed);
    if (!parsed.success) rows[row].key = parsed.error.issues[0].message;
    else if (firstRowOf.has(trimmed)) rows[row].key = $localize`:@@analyses.enrich.duplicate:is already used above`;
    else firstRowOf.set(trimmed, row);
  });
  let general: string | null = null;
  const parsed = PersonaEnrichmentRequest.safeParse({ attributes: attributesOf(pairs) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[1];
      const row = typeof key === 'string' ? firstRowOf.get(key) : undefined;
      if (row !== undefined) rows[row].value ??= issue.message;
      else if (typeof key !== 'string') general ??= issue.message;
    }
  }
  return { rows, general };
}

export function hasProblems(problems: PairProblems): boolean {
  return problems.general !== null || problems.rows.some((row) => row.key || row.value);
}
