import type { BatchResult, CustomFieldType } from '@marea/contracts';

/**
 * The part of the IngestionService an import uses: rows go through the same validation and
 * upsert semantics as the batch API.
 */
export interface ItemIngestion {
  upsertCustomers(items: readonly unknown[]): Promise<BatchResult>;
  upsertProducts(items: readonly unknown[]): Promise<BatchResult>;
  upsertOrders(items: readonly unknown[]): Promise<BatchResult>;
}

/** The account's custom fields, so a CSV cell reaches a number field as a number. */
export type CustomFieldTypes = () => Promise<ReadonlyMap<string, CustomFieldType>>;
