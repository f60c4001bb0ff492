import type { Affinity } from '@marea/contracts';

/** Affinity needs some history: below this many tickets one basket would decide it. */
export const AFFINITY_MINIMUM_TICKETS = 3;

/** The product attribute affinity is computed on by default. */
export const AFFINITY_ATTRIBUTE = 'category';

/** The customer's net spend (account currency, returns subtracted) on lines of one attribute value. */
export interface ValueSpend {
  value: string;
  spend: number;
}

export interface Affinities {
  primary: Affinity | null;
  secondary: Affinity | null;
}

/** Code-point order, the same as PostgreSQL's `COLLATE "C"`, so SQL and TypeScript agree on ties. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The primary and secondary affinity: the two values with the largest share of the customer's
 * net spend on lines (`netLineSpend`), ties broken by the value's name. Nothing is shown below
 * AFFINITY_MINIMUM_TICKETS tickets, nor for values the customer did not spend on (net ≤ 0).
 */
export function pickAffinities(
  spends: readonly ValueSpend[],
  netLineSpend: number,
  tickets: number,
  attribute = AFFINITY_ATTRIBUTE,
): Affinities {
  if (tickets < AFFINITY_MINIMUM_TICKETS || netLineSpend <= 0) return { primary: null, secondary: null };
  const [primary, secondary] = spends
    .filter((entry) => entry.spend > 0)
    .sort((a, b) => b.spend - a.spend || byName(a.value, b.value))
    .map((entry) => ({ attribute, value: entry.value, share: Math.min(1, entry.spend / netLineSpend) }));
  return { primary: primary ?? null, secondary: secondary ?? null };
}
