import { useTestDatabase } from '@marea/testing';
import type { DataSource } from 'typeorm';
import { readOverview } from './read-overview';

const asOf = new Date('2026-06-15T12:00:00Z');

async function aShop(db: DataSource): Promise<void> {
  await db.query(`UPDATE account SET name = 'Huerto', currency = 'EUR', timezone = 'Europe/Madrid'`);
  await db.query(`
    INSERT INTO stores (id, external_id, name, channel, currency, timezone) VALUES
      (1, 'web', 'Web', 'ecommerce', 'EUR', 'Europe/Madrid'),
      (2, 'pl', 'Sklep', 'store', 'PLN', 'Europe/Warsaw');
    INSERT INTO customers (id, external_id) VALUES (1, 'c1'), (2, 'c2'), (3, 'c3');
    INSERT INTO products (id, external_id, name) VALUES (1, 'p1', 'Tomate'), (2, 'p2', 'Maceta');
  `);
  const order = (id: number, kind: string, status: string, at: string, total: number, fx = 1, store = 1) =>
    db.query(
      `INSERT INTO orders (id, external_id, customer_id, store_id, channel, kind, status, ordered_at, currency,
                           subtotal, total, item_quantity, fx_rate)
       VALUES ($1, $2, 1, $3, 'ecommerce', $4, $5, $6, 'EUR', $7, $7, 1, $8)`,
      [id, `o${id}`, store, kind, status, at, total, fx],
    );
  await order(1, 'sale', 'completed', '2024-01-10T10:00:00Z', 100); // older than 12 months
  await order(2, 'sale', 'completed', '2026-05-02T10:00:00Z', 50);
  await order(3, 'sale', 'paid', '2026-06-01T09:00:00Z', 200, 0.25, 2); // 200 PLN = 50 EUR
  await order(4, 'return', 'completed', '2026-06-03T09:00:00Z', -20);
  await order(5, 'sale', 'cancelled', '2026-06-04T09:00:00Z', 999);
  await order(6, 'sale', 'completed', '2026-07-01T09:00:00Z', 999); // after asOf
  await db.query(`
    INSERT INTO events (external_id, customer_id, type, occurred_at) VALUES
      ('e1', 1, 'page_view', '2026-06-14T10:00:00Z'),
      ('e2', 2, 'product_view', '2026-05-20T10:00:00Z'),
      ('e3', 2, 'page_view', '2026-04-01T10:00:00Z');
  `);
}

describe('readOverview', () => {
  const db = useTestDatabase();

  it('reports zeros and twelve empty months on an empty database', async () => {
    const overview = await readOverview(db().dataSource, asOf);
    expect(overview).toMatchObject({
      currency: 'EUR',
      customers: 0,
      allTime: { orders: 0, revenue: 0 },
      lastOrderAt: null,
    });
    expect(overview.months).toHaveLength(12);
    expect(overview.months[0]).toEqual({ month: '2025-07', orders: 0, revenue: 0 });
    expect(overview.months[11]).toEqual({ month: '2026-06', orders: 0, revenue: 0 });
  });

  it('counts sales and net revenue in the account currency, all time and over the last 12 months', async () => {
    await aShop(db().dataSource);
    const overview = await readOverview(db().dataSource, asOf);
    expect(overview).toMatchObject({
      accountName: 'Huerto',
      currency: 'EUR',
      asOf: '2026-06-15T12:00:00.000Z',
      customers: 3,
      products: 2,
      stores: 2,
      allTime: { orders: 3, revenue: 180 },
      last12Months: { orders: 2, revenue: 80 },
      eventsLast30Days: 2,
      lastOrderAt: '2026-06-01T09:00:00.000Z',
    });
    expect(overview.months.slice(-2)).toEqual([
      { month: '2026-05', orders: 1, revenue: 50 },
      { month: '2026-06', orders: 1, revenue: 30 },
    ]);
  });
});
