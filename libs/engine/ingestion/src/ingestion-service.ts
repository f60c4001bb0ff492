import type { AccountSettings, BatchResult } from '@marea/contracts';
import { getAccount, updateAccount } from './account-settings';
import type { IngestionStore } from './ingestion-store';
import { recordConsents } from './record-consents';
import { recordEvents } from './record-events';
import { upsertCustomers } from './upsert-customers';
import { upsertOrders } from './upsert-orders';
import { upsertProducts } from './upsert-products';
import { upsertCurrencyRates, upsertCustomFields, upsertStores } from './upsert-reference-data';

/**
 * Everything that brings data into Marea, for the batch API and the CSV import alike. Each
 * method validates every item on its own, writes the good ones in one transaction that commits
 * before it resolves, and reports each item as created, updated, unchanged or rejected.
 */
export class IngestionService {
  constructor(private readonly store: IngestionStore) {}

  upsertStores(items: readonly unknown[]): Promise<BatchResult> {
    return upsertStores(this.store, items);
  }
  upsertCurrencyRates(items: readonly unknown[]): Promise<BatchResult> {
    return upsertCurrencyRates(this.store, items);
  }
  upsertCustomFields(items: readonly unknown[]): Promise<BatchResult> {
    return upsertCustomFields(this.store, items);
  }
  upsertCustomers(items: readonly unknown[]): Promise<BatchResult> {
    return upsertCustomers(this.store, items);
  }
  upsertProducts(items: readonly unknown[]): Promise<BatchResult> {
    return upsertProducts(this.store, items);
  }
  upsertOrders(items: readonly unknown[]): Promise<BatchResult> {
    return upsertOrders(this.store, items);
  }
  recordEvents(items: readonly unknown[]): Promise<BatchResult> {
    return recordEvents(this.store, items);
  }
  recordConsents(items: readonly unknown[]): Promise<BatchResult> {
    return recordConsents(this.store, items);
  }
  getAccount(): Promise<AccountSettings> {
    return getAccount(this.store);
  }
  updateAccount(account: unknown): Promise<AccountSettings> {
    return updateAccount(this.store, account);
  }
}
