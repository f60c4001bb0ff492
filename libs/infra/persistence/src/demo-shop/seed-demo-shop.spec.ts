import { Client } from 'pg';
import { countHistory, createDemoShop, emptyRowCounts } from '@marea/domain/demo-shop';
import { useTestDatabase } from '@marea/testing';
import { seedDemoShop } from './seed-demo-shop';

const NOW = new Date('2026-11-23T12:00:00Z');
const CUSTOMERS = 300;
const db = useTestDatabase();

async function connected<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db().url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const one = async (client: Client, sql: string) => (await client.query(sql)).rows[0];

/** Aggregates that change if any stored value changes. */
const fingerprint = (client: Client) =>
  one(
    client,
    `SELECT (SELECT sum(total) FROM orders) AS total, (SELECT sum(total_account) FROM orders) AS total_account,
            (SELECT sum(quantity * product_id) FROM order_lines) AS lines,
            (SELECT md5(string_agg(email || coalesce(phone, ''), ',' ORDER BY id)) FROM customers) AS customers,
            (SELECT count(*) FROM events WHERE type = 'add_to_cart') AS adds,
            (SELECT md5(string_agg(status || changed_at, ',' ORDER BY customer_id, channel)) FROM consents) AS consents`,
  );

describe('seeding the demo shop into PostgreSQL', () => {
  let first: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    const outcome = await connected((client) => seedDemoShop(client, { customers: CUSTOMERS, seed: 5, now: NOW }));
    expect(outcome.seeded).toBe(true);
    first = await connected(fingerprint);
  });

  it('stores exactly the rows the generator made', async () => {
    const expected = [...createDemoShop({ seed: 5, customers: CUSTOMERS, now: NOW }).histories()].reduce(countHistory, emptyRowCounts());
    const stored = await connected((client) =>
      one(
        client,
        `SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM customer_identities)::int AS "customerIdentities",
                (SELECT count(*) FROM consents)::int AS consents, (SELECT count(*) FROM consent_changes)::int AS "consentChanges",
                (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_lines)::int AS "orderLines",
                (SELECT count(*) FROM orders WHERE kind = 'return')::int AS returns,
                (SELECT count(*) FROM carts)::int AS carts, (SELECT count(*) FROM cart_items)::int AS "cartItems",
                (SELECT count(*) FROM favourites)::int AS favourites, (SELECT count(*) FROM events)::int AS events`,
      ),
    );
    expect(stored).toEqual(expected);
  });

  it('totals every order as the sum of its lines plus shipping, in the account currency too', async () => {
    const wrong = await connected((client) =>
      one(
        client,
        `SELECT count(*)::int AS n FROM orders o
          WHERE o.total <> (SELECT sum(l.total) FROM order_lines l WHERE l.order_id = o.id) + o.shipping_total
             OR (o.kind = 'return') <> (o.total < 0) OR o.total_account <> round(o.total * o.fx_rate, 2)`,
      ),
    );
    expect(wrong.n).toBe(0);
    const pln = await connected((client) => one(client, `SELECT count(*)::int AS n, min(fx_rate)::float AS low FROM orders WHERE currency = 'PLN'`));
    expect(pln.n).toBeGreaterThan(0);
    expect(pln.low).toBeGreaterThan(0.19);
  });

  it('gives every customer an external-id identity and its e-mail and phone identities', async () => {
    const missing = await connected((client) =>
      one(
        client,
        `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'external_id' AND i.value = c.external_id))::int AS external,
                count(*) FILTER (WHERE c.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'email' AND i.value = lower(c.email)))::int AS email,
                count(*) FILTER (WHERE c.phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'phone' AND i.value = c.phone))::int AS phone
           FROM customers c`,
      ),
    );
    expect(missing).toEqual({ external: 0, email: 0, phone: 0 });
  });

  it('keeps each consent equal to the newest consent change of its channel', async () => {
    const differing = await connected((client) =>
      one(
        client,
        `SELECT count(*)::int AS n FROM consents c
          WHERE NOT EXISTS (
            SELECT 1 FROM (SELECT h.status, h.changed_at, h.source FROM consent_changes h
                            WHERE h.customer_id = c.customer_id AND h.channel = c.channel ORDER BY h.changed_at DESC LIMIT 1) newest
             WHERE (newest.status, newest.changed_at, newest.source) = (c.status, c.changed_at, c.source))`,
      ),
    );
    expect(differing.n).toBe(0);
  });

  it('puts the indexes and foreign keys back after the load', async () => {
    const found = await connected((client) =>
      one(
        client,
        `SELECT (SELECT count(*) FROM pg_indexes WHERE indexname IN ('orders_customer_time_idx', 'events_visit_idx', 'customers_birthday_idx', 'order_lines_product_idx'))::int AS indexes,
                (SELECT count(*) FROM pg_constraint WHERE conname IN ('orders_customer_id_fkey', 'order_lines_order_id_fkey', 'events_customer_id_fkey') AND convalidated)::int AS fks`,
      ),
    );
    expect(found).toEqual({ indexes: 4, fks: 3 });
  });

  it('moves the id sequences past the loaded rows, so the next insert works', async () => {
    await connected(async (client) => {
      const customer = await one(client, `INSERT INTO customers (external_id) VALUES ('after-seed') RETURNING id`);
      const order = await one(
        client,
        `INSERT INTO orders (external_id, customer_id, store_id, channel, kind, status, ordered_at, currency, subtotal, total, item_quantity, fx_rate)
         VALUES ('after-seed', ${customer.id}, 1, 'ecommerce', 'sale', 'placed', now(), 'EUR', 1, 1, 1, 1) RETURNING id`,
      );
      const event = await one(client, `INSERT INTO events (external_id, customer_id, type, occurred_at) VALUES ('after-seed', ${customer.id}, 'page_view', now()) RETURNING id`);
      expect(Number(customer.id)).toBe(CUSTOMERS + 1);
      expect(Number(order.id)).toBeGreaterThan(CUSTOMERS);
      expect(Number(event.id)).toBeGreaterThan(1);
      await client.query(`DELETE FROM orders WHERE external_id = 'after-seed'`);
      await client.query(`DELETE FROM customers WHERE external_id = 'after-seed'`);
    });
  });

  it('assigns managers that exist as users with the manager role', async () => {
    const managed = await connected((client) =>
      one(client, `SELECT count(*)::int AS n, count(*) FILTER (WHERE u.role = 'manager')::int AS managers FROM customers c JOIN users u ON u.id = c.manager_id`),
    );
    expect(managed.n).toBeGreaterThan(CUSTOMERS * 0.1);
    expect(managed.managers).toBe(managed.n);
  });

  it('refuses to seed over existing data, and with reset gives identical data for the same seed', async () => {
    const refused = await connected((client) => seedDemoShop(client, { customers: CUSTOMERS, seed: 5, now: NOW }));
    expect(refused).toEqual({ seeded: false, reason: 'not-empty', existing: expect.objectContaining({ customers: CUSTOMERS }) });
    const reseeded = await connected((client) => seedDemoShop(client, { customers: CUSTOMERS, seed: 5, now: NOW, reset: true }));
    expect(reseeded.seeded).toBe(true);
    expect(await connected(fingerprint)).toEqual(first);
  });

  it('lets only one of two processes seeding an empty database at once load; the other finds the data', async () => {
    await connected((client) => client.query('TRUNCATE customers, orders, products, categories, stores, currency_rates CASCADE'));
    const outcomes = await Promise.all([1, 2].map(() => connected((client) => seedDemoShop(client, { customers: 50, seed: 6, now: NOW }))));
    expect(outcomes.map((outcome) => outcome.seeded).sort()).toEqual([false, true]);
    const counted = await connected((client) => one(client, 'SELECT count(*)::int AS n FROM customers'));
    expect(counted.n).toBe(50);
  });
});
