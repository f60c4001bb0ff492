import { IngestionService } from '@marea/engine/ingestion';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from './postgres-ingestion-store';

const anOrder = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  customerExternalId: 'c-1',
  storeExternalId: 'web',
  orderedAt: '2025-03-10T10:00:00Z',
  lines: [
    { sku: 'tomato', productName: 'Tomate', quantity: 2, unitPrice: 10, discount: 2, tax: 3.78, cost: 8 },
    { sku: 'pot', quantity: 1, unitPrice: 5 },
  ],
  shipping: 4.95,
  ...overrides,
});

describe('orders in PostgreSQL', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const query = (text: string, params: unknown[] = []) => db().dataSource.query(text, params);

  beforeAll(async () => {
    await ingestion().upsertStores([
      { externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' },
      { externalId: 'london', name: 'London', channel: 'store', currency: 'GBP' },
    ]);
    await ingestion().upsertCurrencyRates([
      { currency: 'GBP', date: '2025-03-01', rate: 1.2 },
      { currency: 'GBP', date: '2025-03-20', rate: 1.25 },
    ]);
  });

  it('prices an order, creates the customer and products it refers to, and a repeat changes nothing', async () => {
    const first = await ingestion().upsertOrders([anOrder('o-1')]);
    expect(first).toMatchObject({ created: 1, referencesCreated: { customers: 1, products: 2 } });
    const [order] = await query(
      `SELECT subtotal, discount_total, tax_total, shipping_total, total, cost_total, margin, item_quantity, fx_rate,
              total_account, channel, updated_at FROM orders WHERE external_id = 'o-1'`,
    );
    expect(order).toMatchObject({
      subtotal: '25.00', discount_total: '2.00', tax_total: '3.78', shipping_total: '4.95', total: '31.73',
      cost_total: null, margin: null, item_quantity: '3.000', fx_rate: '1.0000000000', total_account: '31.73', channel: 'ecommerce',
    });
    const products = await query(`SELECT external_id, name FROM products ORDER BY 1`);
    expect(products).toEqual([{ external_id: 'pot', name: 'pot' }, { external_id: 'tomato', name: 'Tomate' }]);

    const again = await ingestion().upsertOrders([anOrder('o-1')]);
    expect(again).toMatchObject({ unchanged: 1, referencesCreated: { customers: 0, products: 0 } });
    const [after] = await query(`SELECT updated_at FROM orders WHERE external_id = 'o-1'`);
    expect(after.updated_at).toEqual(order.updated_at);
  });

  it('reports a change in the lines only as an update and replaces the lines', async () => {
    await ingestion().upsertOrders([anOrder('o-2')]);
    const changed = anOrder('o-2', { lines: [{ sku: 'pot', quantity: 3, unitPrice: 5 }], total: 19.95 });
    const result = await ingestion().upsertOrders([changed]);
    expect(result.items[0].outcome).toBe('updated');
    const lines = await query(
      `SELECT line_no, quantity, total FROM order_lines WHERE order_id = (SELECT id FROM orders WHERE external_id = 'o-2')`,
    );
    expect(lines).toEqual([{ line_no: 1, quantity: '3.000', total: '15.00' }]);
  });

  it('converts at the latest rate on or before the order date and computes the margin from the cost', async () => {
    const result = await ingestion().upsertOrders([
      anOrder('gb-1', { storeExternalId: 'london', orderedAt: '2025-03-19T23:30:00Z', lines: [{ sku: 'pot', quantity: 2, unitPrice: 50, tax: 20, cost: 40 }] }),
      anOrder('gb-2', { storeExternalId: 'london', orderedAt: '2025-03-20T08:00:00Z', lines: [{ sku: 'pot', quantity: 2, unitPrice: 50 }], shipping: 0 }),
      anOrder('gb-3', { storeExternalId: 'london', orderedAt: '2025-02-28T08:00:00Z' }),
    ]);
    expect(result.items.map((i) => i.outcome)).toEqual(['created', 'created', 'rejected']);
    expect(result.items[2].errors?.[0]).toMatchObject({ path: 'items[2].currency' });
    expect(result.items[2].errors?.[0].message).toMatch(/GBP .* EUR on or before 2025-02-28/);
    const rows = await query(
      `SELECT external_id, currency, fx_rate::float8 AS fx, total, margin, total_account, margin_account, channel
       FROM orders WHERE external_id LIKE 'gb-%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { external_id: 'gb-1', currency: 'GBP', fx: 1.2, total: '124.95', margin: '64.95', total_account: '149.94', margin_account: '77.94', channel: 'store' },
      { external_id: 'gb-2', currency: 'GBP', fx: 1.25, total: '100.00', margin: null, total_account: '125.00', margin_account: null, channel: 'store' },
    ]);
  });

  it('stores a return that refers to a sale of the same batch', async () => {
    const result = await ingestion().upsertOrders([
      anOrder('s-1', { lines: [{ sku: 'pot', quantity: 2, unitPrice: 5 }], shipping: 0 }),
      anOrder('r-1', { kind: 'return', returnedOrderExternalId: 's-1', lines: [{ sku: 'pot', quantity: -1, unitPrice: 5 }], shipping: 0 }),
    ]);
    expect(result.rejected).toBe(0);
    const [ret] = await query(
      `SELECT r.total, r.kind, s.external_id AS returned FROM orders r JOIN orders s ON s.id = r.returned_order_id WHERE r.external_id = 'r-1'`,
    );
    expect(ret).toEqual({ total: '-5.00', kind: 'return', returned: 's-1' });
    const again = await ingestion().upsertOrders([
      anOrder('s-1', { lines: [{ sku: 'pot', quantity: 2, unitPrice: 5 }], shipping: 0 }),
      anOrder('r-1', { kind: 'return', returnedOrderExternalId: 's-1', lines: [{ sku: 'pot', quantity: -1, unitPrice: 5 }], shipping: 0 }),
    ]);
    expect(again.unchanged).toBe(2);
  });
});
