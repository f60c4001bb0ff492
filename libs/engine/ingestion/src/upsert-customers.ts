import { CustomerItem, type BatchResult } from '@marea/contracts';
import { checkCustomFieldValues } from '@marea/domain/ingestion';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import { erasedPersonError } from './erased-person';
import type { CustomerRow, IngestionStore } from './ingestion-store';

/**
 * Customers keyed by external id. A field left out keeps its stored value and null clears it;
 * `tags` replace the stored tags; `attributes` set only the custom fields they name.
 *
 * `managerEmail` names the customer's responsible manager. An unknown email creates a user with
 * the role manager (named after the email), because integrators push customers from a CRM
 * where the managers already exist and should not have to create users first; an existing user
 * keeps their role. The created users are counted in `referencesCreated.managers`.
 */
export async function upsertCustomers(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, CustomerItem, { of: (c) => c.externalId, field: 'externalId', label: (c) => c.externalId }, base);
  if (candidates.length === 0) return base.result();
  return store.transaction(async (tx) => {
    const report = base.fork();
    const types = candidates.some((c) => c.item.attributes) ? await tx.customFieldTypes() : new Map();
    const erased = await tx.erasedCustomers(candidates.map(({ item }) => ({ externalId: item.externalId, email: item.email, phone: item.phone })));
    const accepted = candidates.filter((c) => {
      const erasedAt = erased.get(c.item.externalId);
      const errors = erasedAt ? [erasedPersonError('externalId', erasedAt)] : checkCustomFieldValues(c.item.attributes, types);
      if (errors.length) report.reject(c.index, c.item.externalId, errors);
      return errors.length === 0;
    });
    if (accepted.length === 0) return report.result();
    const emails = accepted.flatMap((c) => (c.item.managerEmail ? [c.item.managerEmail] : []));
    const managers = emails.length ? await tx.managerIds(emails) : { ids: new Map<string, string>(), created: 0 };
    const rows = accepted.map(({ item: { managerEmail, ...customer } }): CustomerRow => {
      const row: CustomerRow = { ...customer };
      if (customer.tags) row.tags = [...new Set(customer.tags)];
      if (managerEmail !== undefined) row.managerId = managerEmail === null ? null : managers.ids.get(managerEmail.toLowerCase());
      return row;
    });
    const outcomes = await tx.writeCustomers(rows);
    accepted.forEach((c, i) => report.record(c.index, c.item.externalId, outcomes[i]));
    if (emails.length) report.countReferences({ managers: managers.created });
    return report.result();
  });
}
