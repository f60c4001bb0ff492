import type { z } from 'zod';
import { findDuplicateKeys, parseItem, type FieldError } from '@marea/domain/ingestion';
import type { BatchReport } from './batch-report';

/** An item of the batch that passed its schema, with its place in the batch. */
export interface Candidate<T> {
  index: number;
  key: string;
  item: T;
}

export interface BatchKey<T> {
  /** What makes two items the same record, e.g. the external id. */
  of: (item: T) => string;
  /** The key's field and how to name it in a message, e.g. externalId. */
  field: string;
  /** What the report shows as the item's externalId. */
  label?: (item: T) => string | undefined;
}

function rawExternalId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const value = (raw as Record<string, unknown>)['externalId'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Validates every item of a batch on its own and rejects later repeats of a key (naming the
 * first), so each record is written at most once per batch. Rejections go to the report.
 */
export function batchCandidates<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  key: BatchKey<T>,
  report: BatchReport,
): Candidate<T>[] {
  const parsed: Candidate<T>[] = [];
  items.forEach((raw, index) => {
    const result = parseItem(schema, raw);
    if (result.ok) parsed.push({ index, key: key.of(result.value), item: result.value });
    else report.reject(index, rawExternalId(raw), result.errors);
  });
  const duplicates = findDuplicateKeys(parsed.map((candidate) => candidate.key));
  return parsed.filter((candidate, position) => {
    const first = duplicates.get(position);
    if (first === undefined) return true;
    const error: FieldError = {
      field: key.field,
      message: `repeats items[${parsed[first].index}] of this batch (same ${key.field}); send each record once per batch`,
    };
    report.reject(candidate.index, key.label?.(candidate.item), [error]);
    return false;
  });
}
