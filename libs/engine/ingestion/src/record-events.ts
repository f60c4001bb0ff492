import { EventItem, type BatchResult } from '@marea/contracts';
import { projectShopperEvents, readShopperAction, type ShopperAction, type ShopperEvent } from '@marea/domain/ingestion';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import type { EventRow, IngestionStore } from './ingestion-store';

const distinct = <T>(values: T[]) => [...new Set(values)];

/**
 * Events keyed by the sender's event id: an event is recorded once, and a repeat of its id is
 * `unchanged` (events are facts; the first recorded wins). New cart and favourite events update
 * the customer's open cart and favourites. An unknown customer or SKU is created from the
 * reference and counted in `referencesCreated`.
 */
export async function recordEvents(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, EventItem, { of: (e) => e.externalId, field: 'externalId', label: (e) => e.externalId }, base);
  const readable = candidates.flatMap((c) => {
    const action = readShopperAction(c.item);
    if (action.ok) return [{ ...c, action: action.value }];
    base.reject(c.index, c.item.externalId, action.errors);
    return [];
  });
  if (readable.length === 0) return base.result();

  return store.transaction(async (tx) => {
    const report = base.fork();
    const storeIds = distinct(readable.flatMap((c) => c.item.storeExternalId ?? []));
    const stores = storeIds.length ? await tx.findStores(storeIds) : new Map();
    const accepted = readable.filter((c) => {
      const storeId = c.item.storeExternalId;
      if (storeId === undefined || stores.has(storeId)) return true;
      report.reject(c.index, c.item.externalId, [
        { field: 'storeExternalId', message: `there is no store "${storeId}"; create it first with POST /api/v1/stores` },
      ]);
      return false;
    });
    if (accepted.length === 0) return report.result();

    const customers = await tx.customerIds(distinct(accepted.map((c) => c.item.customerExternalId)));
    const customerId = (externalId: string) => customers.ids.get(externalId) as string;
    const storeOf = (externalId: string | undefined) => (externalId === undefined ? null : (stores.get(externalId)?.id ?? null));
    const rows = accepted.map(({ item }): EventRow => ({
      externalId: item.externalId,
      customerId: customerId(item.customerExternalId),
      type: item.type,
      occurredAt: item.occurredAt,
      visitId: item.visitId ?? null,
      storeId: storeOf(item.storeExternalId),
      pageUrl: item.pageUrl ?? null,
      properties: item.properties,
    }));
    const recorded = await tx.insertEvents(rows);
    accepted.forEach((c, i) => report.record(c.index, c.item.externalId, recorded[i] ? 'created' : 'unchanged'));

    const shopperEvents: ShopperEvent[] = accepted.flatMap((c, i) =>
      recorded[i] && c.action
        ? [{ customerExternalId: c.item.customerExternalId, storeExternalId: c.item.storeExternalId, occurredAt: c.item.occurredAt, action: c.action as ShopperAction }]
        : [],
    );
    let productsCreated = 0;
    if (shopperEvents.length) {
      const { cartLines, favourites } = projectShopperEvents(shopperEvents);
      const names = new Map<string, string>();
      for (const change of [...cartLines, ...favourites]) if (!names.has(change.sku)) names.set(change.sku, change.productName ?? change.sku);
      const products = await tx.productIds([...names].map(([sku, name]) => ({ sku, name })));
      productsCreated = products.created;
      const productId = (sku: string) => products.ids.get(sku) as string;
      await tx.applyShopperChanges(
        cartLines.map((line) => ({ ...line, customerId: customerId(line.customerExternalId), storeId: storeOf(line.storeExternalId), productId: productId(line.sku) })),
        favourites.map((fav) => ({ ...fav, customerId: customerId(fav.customerExternalId), productId: productId(fav.sku) })),
      );
    }
    report.countReferences({ customers: customers.created, products: productsCreated });
    return report.result();
  });
}
