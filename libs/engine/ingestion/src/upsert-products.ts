import { ProductItem, type BatchResult } from '@marea/contracts';
import { CATEGORY_SEPARATOR, categoryLevels, categoryNames, checkCategoryPaths } from '@marea/domain/ingestion';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import type { IngestionStore, ProductRow } from './ingestion-store';

/**
 * Products keyed by SKU (`externalId`). A field left out keeps its stored value, null clears
 * it; `attributes` set only the keys they name (null removes one); `categories` replace the
 * product's categories, every level of each path being created when new.
 */
export async function upsertProducts(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, ProductItem, { of: (p) => p.externalId, field: 'externalId', label: (p) => p.externalId }, base);
  const accepted = candidates.filter((c) => {
    const errors = checkCategoryPaths(c.item.categories);
    if (errors.length) base.reject(c.index, c.item.externalId, errors);
    return errors.length === 0;
  });
  if (accepted.length === 0) return base.result();

  const rows = accepted.map(({ item: { categories, ...product } }): ProductRow => {
    if (!categories) return product;
    const paths = categoryLevels(categories.map((path) => categoryNames(path).join(CATEGORY_SEPARATOR))).map((level) => level.path);
    return { ...product, categories: paths };
  });
  const levels = categoryLevels(rows.flatMap((row) => row.categories ?? []));
  return store.transaction(async (tx) => {
    const report = base.fork();
    const outcomes = await tx.writeProducts(rows, levels);
    accepted.forEach((c, i) => report.record(c.index, c.item.externalId, outcomes[i]));
    return report.result();
  });
}
