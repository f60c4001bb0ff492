/** A customer's value on one RFM dimension. `customerId` is Marea's bigint id in decimal. */
export interface ScoredValue {
  customerId: string;
  value: number;
}

/** Which end of a dimension is the best fifth: more tickets is better, fewer days since is better. */
export type BetterEnd = 'higher' | 'lower';

/**
 * The quintile (1–5) of the row at `position` (0-based, worst first) among `total` rows, as
 * PostgreSQL's `ntile(5)` deals them: five groups whose sizes differ by at most one, the larger
 * groups first. The SQL refresh uses `ntile(5)`; this is the same rule, testable without a database.
 */
export function quintileAt(position: number, total: number): number {
  if (!Number.isInteger(position) || position < 0 || position >= total) {
    throw new RangeError(`position ${position} is outside 0…${total - 1}`);
  }
  const small = Math.floor(total / 5);
  const larger = total % 5; // how many groups hold one row more
  const inLarger = larger * (small + 1);
  return position < inLarger ? Math.floor(position / (small + 1)) + 1 : larger + Math.floor((position - inLarger) / small) + 1;
}

/**
 * Orders customers worst first. Equal values are ordered by customer id, the larger id first, so
 * among customers with the same figure the one known for longer (smaller id) scores higher. The
 * order is total, so the same data always gives the same scores.
 */
export function worstFirst(better: BetterEnd): (a: ScoredValue, b: ScoredValue) => number {
  const sign = better === 'higher' ? 1 : -1;
  return (a, b) => {
    if (a.value !== b.value) return sign * (a.value - b.value);
    const [x, y] = [BigInt(a.customerId), BigInt(b.customerId)];
    return x === y ? 0 : x > y ? -1 : 1;
  };
}

/** Quintile scores of every customer on one dimension: 5 is the best fifth of the base. */
export function quintileScores(values: readonly ScoredValue[], better: BetterEnd): Map<string, number> {
  const ordered = [...values].sort(worstFirst(better));
  return new Map(ordered.map((entry, position) => [entry.customerId, quintileAt(position, ordered.length)]));
}
