import { OrderItem, type BatchResult } from '@marea/contracts';
import { calendarDateIn, conversionRate, priceOrder, type PricedOrder } from '@marea/domain/ingestion';
import { batchCandidates, type Candidate } from './batch-candidates';
import { BatchReport } from './batch-report';
import { erasedPersonError } from './erased-person';
import type { IngestionStore, OrderRow, ProductReference } from './ingestion-store';

const distinct = <T>(values: T[]) => [...new Set(values)];

/**
 * Orders and returns keyed by external id; an order is replaced as a whole (header and lines).
 * Money is in the order's currency (default: its store's) and converted to the account
 * currency at the latest rate on or before the order's date in the account's time zone. An
 * unknown customer or SKU is created from the reference and counted in `referencesCreated`.
 */
export async function upsertOrders(store: IngestionStore, items: readonly unknown[]): Promise<BatchResult> {
  const base = new BatchReport(items.length);
  const candidates = batchCandidates(items, OrderItem, { of: (o) => o.externalId, field: 'externalId', label: (o) => o.externalId }, base);
  if (candidates.length === 0) return base.result();

  return store.transaction(async (tx) => {
    const report = base.fork();
    const account = await tx.readAccount();
    const stores = await tx.findStores(distinct(candidates.map((c) => c.item.storeExternalId)));

    const located = candidates.flatMap((c) => {
      const found = stores.get(c.item.storeExternalId);
      if (!found) {
        report.reject(c.index, c.item.externalId, [
          { field: 'storeExternalId', message: `there is no store "${c.item.storeExternalId}"; create it first with POST /api/v1/stores` },
        ]);
        return [];
      }
      const currency = c.item.currency ?? found.currency;
      return [{ ...c, found, currency, date: calendarDateIn(c.item.orderedAt, account.timezone) }];
    });

    const foreign = located.filter((c) => c.currency !== account.currency);
    const rates = foreign.length ? await tx.latestRates(foreign.map(({ currency, date }) => ({ currency, date }))) : new Map();

    const priced: (Candidate<OrderItem> & { order: PricedOrder; storeId: number })[] = [];
    for (const c of located) {
      const rate = conversionRate(c.currency, account.currency, c.date, rates.get(`${c.currency} ${c.date}`));
      if (!rate.ok) {
        report.reject(c.index, c.item.externalId, [{ field: 'currency', message: rate.message }]);
        continue;
      }
      const result = priceOrder(c.item, { currency: c.currency, channel: c.found.channel, fxRate: rate.rate });
      if (!result.ok) report.reject(c.index, c.item.externalId, result.errors);
      else priced.push({ ...c, order: result.value, storeId: c.found.id });
    }

    // A return may refer to an order stored earlier or to a sale of this same batch.
    const inBatch = new Set(priced.map((p) => p.order.externalId));
    const referred = distinct(priced.flatMap((p) => p.order.returnedOrderExternalId ?? []).filter((id) => !inBatch.has(id)));
    const stored = referred.length ? await tx.existingOrders(referred) : new Set<string>();
    const accepted = priced.filter((p) => {
      const ref = p.order.returnedOrderExternalId;
      if (ref === null || inBatch.has(ref) || stored.has(ref)) return true;
      report.reject(p.index, p.item.externalId, [
        { field: 'returnedOrderExternalId', message: `there is no order "${ref}"; send the original order first, or leave this field out` },
      ]);
      return false;
    });
    if (accepted.length === 0) return report.result();

    const customers = await tx.customerIds(distinct(accepted.map((p) => p.order.customerExternalId)));
    const ofLivingCustomers = accepted.filter((p) => {
      const erasedAt = customers.erased?.get(p.order.customerExternalId);
      if (erasedAt) report.reject(p.index, p.item.externalId, [erasedPersonError('customerExternalId', erasedAt)]);
      return !erasedAt;
    });
    if (ofLivingCustomers.length === 0) return report.result();
    const productNames = new Map<string, string>();
    ofLivingCustomers.forEach((p) => p.order.lines.forEach((l) => productNames.has(l.sku) || productNames.set(l.sku, l.productName ?? l.sku)));
    const references: ProductReference[] = [...productNames].map(([sku, name]) => ({ sku, name }));
    const products = await tx.productIds(references);

    const rows = ofLivingCustomers.map(({ order, storeId }): OrderRow => ({
      ...order,
      storeId,
      customerId: required(customers.ids, order.customerExternalId),
      lines: order.lines.map((line) => ({ ...line, productId: required(products.ids, line.sku) })),
    }));
    const outcomes = await tx.writeOrders(rows);
    ofLivingCustomers.forEach((p, i) => report.record(p.index, p.order.externalId, outcomes[i]));
    report.countReferences({ customers: customers.created, products: products.created });
    return report.result();
  });
}

function required(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`ingestion store did not resolve reference "${key}"`);
  return id;
}
