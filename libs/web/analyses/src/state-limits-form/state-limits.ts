import { ClvStateLimits, ClvStateLimitsQuery } from '@marea/contracts';

export type LimitField = keyof ClvStateLimits;
export const LIMIT_FIELDS: readonly LimitField[] = ['activeDays', 'inactiveDays', 'hibernatingDays'];

/** The limits as typed in the form, before they are read as numbers. */
export type LimitTexts = Record<LimitField, string>;

export type LimitReading = { limits: ClvStateLimits; problems: null } | { limits: null; problems: Partial<Record<LimitField, string>> };

/**
 * Reads the typed limits exactly as the server reads its query (the contract's `ClvStateLimitsQuery`
 * then `ClvStateLimits`), so the form refuses what the server would refuse, with its words, at
 * the same field.
 */
export function readLimits(texts: LimitTexts): LimitReading {
  const parsed = ClvStateLimitsQuery.pipe(ClvStateLimits).safeParse(texts);
  if (parsed.success) return { limits: parsed.data, problems: null };
  const problems: Partial<Record<LimitField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as LimitField;
    problems[field] ??= issue.message;
  }
  return { limits: null, problems };
}

export function limitTexts(limits: ClvStateLimits): LimitTexts {
  return { activeDays: String(limits.activeDays), inactiveDays: String(limits.inactiveDays), hibernatingDays: String(limits.hibernatingDays) };
}
