import type { BatchResult } from '@marea/contracts';

/**
 * The part of the IngestionService an import uses: rows go through the same validation and
 * upsert semantics as the batch API.
 */
export interface ItemIngestion {
  upsertCustomers(items: unknown[]): Promise<BatchResult>;
  upsertProducts(items: unknown[]): Promise<BatchResult>;
  upsertOrders(items: unknown[]): Promise<BatchResult>;
}
