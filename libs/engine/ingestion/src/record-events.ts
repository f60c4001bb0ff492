import { EventItem, type BatchResult } from '@marea/contracts';
import { projectShopperEvents, readShopperAction, type ShopperAction, type ShopperEvent } from '@marea/domain/ingestion';
import { batchCandidates } from './batch-candidates';
import { BatchReport } from './batch-report';
import { erasedPersonError } from './erased-person';
import type { IngestionStore, IngestionTransaction, PendingEventRow } from './ingestion-store';

const distinct = <T>(values: T[]) => [...new Set(values)];

/**
 * Events keyed by the sender's event id: an event is recorded once, and a repeat of its id is
 * `unchanged` (events are facts; the first recorded wins). New cart and favourite events update
 * the customer's open cart and favourites. An unknown customer or SKU is created from the
 * reference and counted in `referencesCreated`.
 *
 * Built for throughput: in the usual batch (known customers) the events are written in the same
 * statement that resolves their customers, so a batch costs BEGIN, one statement, COMMIT, plus
 * two statements when it holds cart or favourite events.
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

    const storeOf = (externalId: string | undefined) => (externalId === undefined ? null : (stores.get(externalId)?.id ?? null));
    const rows = accepted.map(({ item }): PendingEventRow => ({
      externalId: item.externalId,
      customerExternalId: item.customerExternalId,
      type: item.type,
      occurredAt: item.occurredAt,
      visitId: item.visitId ?? null,
      storeId: storeOf(item.storeExternalId),
      pageUrl: item.pageUrl ?? null,
      properties: item.properties,
    }));
    const skus = distinct(accepted.flatMap((c) => (c.action ? [c.action.sku] : [])));
    const first = await tx.insertEventsOfKnownCustomers(rows, skus);
    const { recorded, customerIds } = first;

    // Events of customers seen for the first time: create the customers, then record those events.
    const unknown = distinct(rows.filter((row) => !customerIds.has(row.customerExternalId)).map((row) => row.customerExternalId));
    let customersCreated = 0;
    const erasedCustomers = new Map<string, Date>();
    if (unknown.length) {
      const created = await tx.customerIds(unknown);
      customersCreated = created.created;
      created.erased?.forEach((erasedAt, externalId) => erasedCustomers.set(externalId, erasedAt));
      created.ids.forEach((id, externalId) => customerIds.set(externalId, id));
      const late = rows.filter((row) => created.ids.has(row.customerExternalId));
      const lateRecorded = await tx.insertEvents(late.map(({ customerExternalId, ...row }) => ({ ...row, customerId: created.ids.get(customerExternalId) as string })));
      late.forEach((row, i) => lateRecorded[i] && recorded.add(row.externalId));
    }
    accepted.forEach((c) => {
      const erasedAt = erasedCustomers.get(c.item.customerExternalId);
      if (erasedAt) report.reject(c.index, c.item.externalId, [erasedPersonError('customerExternalId', erasedAt)]);
      else report.record(c.index, c.item.externalId, recorded.has(c.item.externalId) ? 'created' : 'unchanged');
    });

    const shopperEvents: ShopperEvent[] = accepted.flatMap((c) =>
      recorded.has(c.item.externalId) && c.action
        ? [{ customerExternalId: c.item.customerExternalId, storeExternalId: c.item.storeExternalId, occurredAt: c.item.occurredAt, action: c.action as ShopperAction }]
        : [],
    );
    const productsCreated = shopperEvents.length ? await applyShopperEvents(tx, shopperEvents, customerIds, first.productIds, storeOf) : 0;
    report.countReferences({ customers: customersCreated, products: productsCreated });
    return report.result();
  });
}

/** Projects the new cart and favourite events onto carts and favourites; returns the products it had to create. */
async function applyShopperEvents(
  tx: IngestionTransaction,
  events: ShopperEvent[],
  customerIds: Map<string, string>,
  productIds: Map<string, string>,
  storeOf: (externalId: string | undefined) => number | null,
): Promise<number> {
  const { cartLines, favourites } = projectShopperEvents(events);
  const names = new Map<string, string>();
  for (const change of [...cartLines, ...favourites]) {
    if (!productIds.has(change.sku) && !names.has(change.sku)) names.set(change.sku, change.productName ?? change.sku);
  }
  let created = 0;
  if (names.size) {
    const products = await tx.productIds([...names].map(([sku, name]) => ({ sku, name })));
    products.ids.forEach((id, sku) => productIds.set(sku, id));
    created = products.created;
  }
  const customerId = (externalId: string) => customerIds.get(externalId) as string;
  const productId = (sku: string) => productIds.get(sku) as string;
  await tx.applyShopperChanges(
    cartLines.map((line) => ({ ...line, customerId: customerId(line.customerExternalId), storeId: storeOf(line.storeExternalId), productId: productId(line.sku) })),
    favourites.map((fav) => ({ ...fav, customerId: customerId(fav.customerExternalId), productId: productId(fav.sku) })),
  );
  return created;
}
