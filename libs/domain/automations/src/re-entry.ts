/** How often one customer may enter one automation. */
export type ReEntryPolicy =
  | { readonly kind: 'once' }
  | { readonly kind: 'every-time' }
  | { readonly kind: 'at-most-once-per'; readonly days: number };

const DAY_MS = 86_400_000;

export type EntryVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 're-entry-once' | 're-entry-too-soon' | 'already-running' };

/**
 * Whether a customer may enter now. `lastEnteredAt` is null when never entered; a run still in
 * flight always refuses, whatever the policy, so one customer never has two concurrent runs.
 * "At most once per N days" counts N × 24 hours from the last entry.
 */
export function mayEnter(policy: ReEntryPolicy, lastEnteredAt: Date | null, runActive: boolean, now: Date): EntryVerdict {
  if (runActive) return { allowed: false, reason: 'already-running' };
  if (lastEnteredAt === null) return { allowed: true };
  switch (policy.kind) {
    case 'every-time':
      return { allowed: true };
    case 'once':
      return { allowed: false, reason: 're-entry-once' };
    case 'at-most-once-per': {
      const waited = now.getTime() - lastEnteredAt.getTime();
      return waited >= policy.days * DAY_MS ? { allowed: true } : { allowed: false, reason: 're-entry-too-soon' };
    }
  }
}
