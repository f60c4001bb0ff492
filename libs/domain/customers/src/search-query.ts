/** How a free-text customer search is run: the terms every match must contain, or exact keys only. */
export interface SearchPlan {
  /** Each term must occur somewhere in the customer's searchable text (AND). */
  readonly terms: readonly string[];
  /** True when no term is long enough for the trigram index: only exact keys are looked up. */
  readonly exactOnly: boolean;
}

const MAX_TERMS = 6;
/** A trigram index finds a substring from 3 characters on; shorter terms only narrow a match. */
export const MIN_INDEXED_TERM = 3;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/**
 * Splits what the user typed into terms. A query that looks like a phone number becomes its
 * digits ("+34 600-123" → "34600123"), so it matches however the number was written; anything
 * else is split on white space, so "garcía lucía" finds Lucía García. Case and accents are
 * folded by the database, with the same function its index uses.
 */
export function planSearch(query: string): SearchPlan {
  const text = query.trim();
  if (!text) return { terms: [], exactOnly: false };
  const digits = text.replace(/\D/g, '');
  const terms = PHONE_LIKE.test(text) && digits.length >= MIN_INDEXED_TERM ? [digits] : text.split(/\s+/).slice(0, MAX_TERMS);
  return { terms, exactOnly: !terms.some((term) => term.length >= MIN_INDEXED_TERM) };
}
