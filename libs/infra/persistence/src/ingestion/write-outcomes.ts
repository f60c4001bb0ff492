import type { WriteOutcome } from '@marea/engine/ingestion';

/** A row an upsert returned: `ON CONFLICT … DO UPDATE … WHERE (changed)` returns only rows it wrote. */
export interface WrittenRow {
  key: string;
  inserted: boolean;
}

/**
 * Outcomes in batch order from the rows an upsert returned: inserted → created, updated →
 * updated, not returned → unchanged. `xmax = 0` marks a row version this statement inserted.
 */
export function writeOutcomes(keys: readonly string[], written: readonly WrittenRow[]): WriteOutcome[] {
  const byKey = new Map(written.map((row) => [row.key, row.inserted]));
  return keys.map((key) => {
    const inserted = byKey.get(key);
    return inserted === undefined ? 'unchanged' : inserted ? 'created' : 'updated';
  });
}
