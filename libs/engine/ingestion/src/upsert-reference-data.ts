import { CurrencyRateItem, CustomFieldItem, StoreItem, type BatchResult } from '@marea/contracts';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import type { IngestionStore } from './ingestion-store';

/** Stores and business units, keyed by external id; a store's currency is the default of its orders. */
export async function upsertStores(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, StoreItem, { of: (s) => s.externalId, field: 'externalId', label: (s) => s.externalId }, base);
  if (candidates.length === 0) return base.result();
  return store.transaction(async (tx) => {
    const report = base.fork();
    const outcomes = await tx.writeStores(candidates.map((c) => c.item));
    candidates.forEach((c, i) => report.record(c.index, c.item.externalId, outcomes[i]));
    return report.result();
  });
}

/**
 * Daily exchange rates into the account currency, keyed by currency and date. Orders already
 * stored keep the rate they were converted at; re-sending an order converts it again.
 */
export async function upsertCurrencyRates(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, CurrencyRateItem, { of: (r) => `${r.currency} ${r.date}`, field: 'date' }, base);
  if (candidates.length === 0) return base.result();
  return store.transaction(async (tx) => {
    const report = base.fork();
    const account = await tx.readAccount();
    const accepted = candidates.filter((c) => {
      if (c.item.currency !== account.currency) return true;
      report.reject(c.index, undefined, [
        { field: 'currency', message: `is the account currency; its rate is always 1 (send rates of the other currencies into ${account.currency})` },
      ]);
      return false;
    });
    const outcomes = await tx.writeCurrencyRates(accepted.map((c) => c.item));
    accepted.forEach((c, i) => report.record(c.index, undefined, outcomes[i]));
    return report.result();
  });
}

/**
 * Definitions of typed customer attributes. A label may change at any time; a type only while
 * no customer has a value for the field, since stored values would no longer fit it.
 */
export async function upsertCustomFields(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, CustomFieldItem, { of: (f) => f.key, field: 'key' }, base);
  if (candidates.length === 0) return base.result();
  return store.transaction(async (tx) => {
    const report = base.fork();
    const types = await tx.customFieldTypes();
    const retyped = candidates.filter((c) => types.has(c.item.key) && types.get(c.item.key) !== c.item.type);
    const withValues = retyped.length ? await tx.customFieldsWithValues(retyped.map((c) => c.item.key)) : new Set<string>();
    const accepted = candidates.filter((c) => {
      if (!withValues.has(c.item.key)) return true;
      report.reject(c.index, undefined, [
        { field: 'type', message: `cannot change from ${types.get(c.item.key)} to ${c.item.type}: customers already have values for "${c.item.key}"` },
      ]);
      return false;
    });
    const outcomes = await tx.writeCustomFields(accepted.map((c) => c.item));
    accepted.forEach((c, i) => report.record(c.index, undefined, outcomes[i]));
    return report.result();
  });
}
