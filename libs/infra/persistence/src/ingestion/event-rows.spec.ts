import { IngestionService } from '@marea/engine/ingestion';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from './postgres-ingestion-store';

const anEvent = (externalId: string, type: string, at: string, properties: Record<string, unknown> = {}) => ({
  externalId,
  customerExternalId: 'shopper',
  type,
  occurredAt: at,
  properties,
});

describe('events in PostgreSQL', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const query = (text: string, params: unknown[] = []) => db().dataSource.query(text, params);

  it('records each event once and creates the unknown customer', async () => {
    const batch = [anEvent('e-1', 'page_view', '2025-05-01T10:00:00Z', { url: '/home' })];
    expect(await ingestion().recordEvents(batch)).toMatchObject({ created: 1, referencesCreated: { customers: 1, products: 0 } });
    expect(await ingestion().recordEvents(batch)).toMatchObject({ created: 0, unchanged: 1 });
    const [{ count }] = await query(`SELECT count(*)::int AS count FROM events`);
    expect(count).toBe(1);
  });

  it('keeps the open cart in step with cart events, in the order they happened', async () => {
    await ingestion().upsertProducts([{ externalId: 'seeds', name: 'Semillas', price: 3.5 }]);
    const result = await ingestion().recordEvents([
      anEvent('c-3', 'remove_from_cart', '2025-05-01T10:03:00Z', { sku: 'seeds', quantity: 1, cartId: 'k1' }),
      anEvent('c-1', 'add_to_cart', '2025-05-01T10:01:00Z', { sku: 'seeds', quantity: 2, cartId: 'k1' }),
      anEvent('c-2', 'add_to_cart', '2025-05-01T10:02:00Z', { sku: 'pot', quantity: 1, price: 7, cartId: 'k1', productName: 'Maceta' }),
    ]);
    expect(result).toMatchObject({ created: 3, referencesCreated: { products: 1 } });
    const items = await query(
      `SELECT p.external_id AS sku, ci.quantity, ci.unit_price FROM cart_items ci
       JOIN carts c ON c.id = ci.cart_id JOIN products p ON p.id = ci.product_id WHERE c.external_id = 'k1' ORDER BY 1`,
    );
    expect(items).toEqual([
      { sku: 'pot', quantity: '1.000', unit_price: '7.0000' },
      { sku: 'seeds', quantity: '1.000', unit_price: '3.5000' },
    ]);
    // The same events again change nothing; removing the whole line empties it.
    await ingestion().recordEvents([anEvent('c-1', 'add_to_cart', '2025-05-01T10:01:00Z', { sku: 'seeds', quantity: 2, cartId: 'k1' })]);
    await ingestion().recordEvents([anEvent('c-4', 'remove_from_cart', '2025-05-01T10:04:00Z', { sku: 'pot', cartId: 'k1' })]);
    const left = await query(`SELECT ci.quantity FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.external_id = 'k1'`);
    expect(left).toEqual([{ quantity: '1.000' }]);
  });

  it('adds and removes favourites, and puts a cart event without a cart id in the customer cart', async () => {
    await ingestion().recordEvents([
      anEvent('f-1', 'favourite', '2025-05-02T10:00:00Z', { sku: 'seeds' }),
      anEvent('f-2', 'favourite', '2025-05-02T10:00:00Z', { sku: 'pot' }),
      anEvent('f-3', 'unfavourite', '2025-05-02T11:00:00Z', { sku: 'pot' }),
      anEvent('a-1', 'add_to_cart', '2025-05-02T11:00:00Z', { sku: 'pot' }),
    ]);
    const favourites = await query(`SELECT p.external_id FROM favourites f JOIN products p ON p.id = f.product_id`);
    expect(favourites).toEqual([{ external_id: 'seeds' }]);
    const [cart] = await query(`SELECT c.status, count(ci.*)::int AS lines FROM carts c JOIN cart_items ci ON ci.cart_id = c.id WHERE c.external_id = 'customer:shopper' GROUP BY 1`);
    expect(cart).toEqual({ status: 'open', lines: 1 });
  });

  it('rejects a cart event without a SKU and an unknown store, keeping the good events', async () => {
    const result = await ingestion().recordEvents([
      anEvent('x-1', 'add_to_cart', '2025-05-03T10:00:00Z', { quantity: 1 }),
      { ...anEvent('x-2', 'page_view', '2025-05-03T10:00:00Z'), storeExternalId: 'nowhere' },
      anEvent('x-3', 'page_view', '2025-05-03T10:00:00Z'),
    ]);
    expect(result.items.map((i) => i.outcome)).toEqual(['rejected', 'rejected', 'created']);
    expect(result.items[0].errors?.[0].path).toBe('items[0].properties.sku');
    expect(result.items[1].errors?.[0]).toMatchObject({ path: 'items[1].storeExternalId', message: expect.stringMatching(/no store "nowhere"/) });
  });

  it('records a batch mixing known and new customers, and concurrent batches creating the same customers', async () => {
    const event = (id: string, customer: string, type = 'page_view', properties: Record<string, unknown> = {}) => ({
      externalId: id, customerExternalId: customer, type, occurredAt: '2025-05-04T10:00:00Z', properties,
    });
    const mixed = await ingestion().recordEvents([
      event('m-1', 'shopper'),
      event('m-2', 'newcomer', 'add_to_cart', { sku: 'seeds', cartId: 'k-new' }),
    ]);
    expect(mixed).toMatchObject({ created: 2, referencesCreated: { customers: 1, products: 0 } });
    const [cart] = await query(`SELECT cu.external_id FROM carts c JOIN customers cu ON cu.id = c.customer_id WHERE c.external_id = 'k-new'`);
    expect(cart).toEqual({ external_id: 'newcomer' });

    const batch = (client: string) => Array.from({ length: 30 }, (_, i) => event(`crowd-event-${client}-${i}`, `crowd-${i}`));
    const results = await Promise.all(['a', 'b', 'c'].map((client) => ingestion().recordEvents(batch(client))));
    expect(results.map((r) => r.items.filter((i) => i.outcome !== "created"))).toEqual([[], [], []]);
    expect(results.reduce((sum, r) => sum + (r.referencesCreated?.customers ?? 0), 0)).toBe(30);
    const [{ count }] = await query(`SELECT count(*)::int AS count FROM customers WHERE external_id LIKE 'crowd-%'`);
    expect(count).toBe(30);
  });
});
