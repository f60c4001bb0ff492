import { ConsentItem, type BatchResult } from '@marea/contracts';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import { erasedPersonError } from './erased-person';
import type { IngestionStore } from './ingestion-store';

/**
 * Consent changes: each is kept once in the history (`created` the first time, `unchanged` when
 * sent again), and the newest per customer and channel is the customer's consent, whatever the
 * order they arrive in. At the same instant a withdrawal wins over a grant. An unknown
 * customer is created (a sign-up may arrive before the profile).
 */
export async function recordConsents(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(
    items,
    ConsentItem,
    { of: (c) => JSON.stringify([c.customerExternalId, c.channel, Date.parse(c.changedAt)]), field: 'changedAt' },
    base,
  );
  if (candidates.length === 0) return base.result();
  return store.transaction(async (tx) => {
    const report = base.fork();
    const customers = await tx.customerIds([...new Set(candidates.map((c) => c.item.customerExternalId))]);
    const living = candidates.filter((c) => {
      const erasedAt = customers.erased?.get(c.item.customerExternalId);
      if (erasedAt) report.reject(c.index, undefined, [erasedPersonError('customerExternalId', erasedAt)]);
      return !erasedAt;
    });
    const recorded = await tx.recordConsentChanges(
      living.map((c) => ({ ...c.item, customerId: customers.ids.get(c.item.customerExternalId) as string })),
    );
    living.forEach((c, i) => report.record(c.index, undefined, recorded[i] ? 'created' : 'unchanged'));
    report.countReferences({ customers: customers.created, products: 0 });
    return report.result();
  });
}
