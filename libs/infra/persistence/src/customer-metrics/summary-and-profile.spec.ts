import { Client } from 'pg';
import { useTestDatabase } from '@marea/testing';
import { seedDemoShop } from '../demo-shop/seed-demo-shop';
import { readCustomerMetrics } from './read-customer-metrics';

const NOW = new Date('2026-11-23T12:00:00Z');
const db = useTestDatabase();

/*
 * The demo shop has what Online Retail lacks: two stores in two currencies and time zones,
 * categories, margins, events and consents. The summary table (set-based SQL, affinity ranked
 * in SQL) and the live profile (one customer, affinity by the domain rule) must agree on every
 * customer.
 */
describe('customer_metrics after seeding the demo shop', () => {
  beforeAll(async () => {
    const client = new Client({ connectionString: db().url });
    await client.connect();
    try {
      expect((await seedDemoShop(client, { customers: 300, seed: 3, now: NOW })).seeded).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('has a row for every customer with an order, an event or a consent change, scored when they bought', async () => {
    const [coverage] = await db().dataSource.query(`
      SELECT (SELECT count(*)::int FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
                OR EXISTS (SELECT 1 FROM events e WHERE e.customer_id = c.id)
                OR EXISTS (SELECT 1 FROM consent_changes cc WHERE cc.customer_id = c.id)) AS active,
             (SELECT count(*)::int FROM customer_metrics) AS rows,
             (SELECT count(*)::int FROM customer_metrics WHERE (ticket_count > 0) = (rfm_segment IS NOT NULL)) AS consistent,
             (SELECT count(*)::int FROM customer_metrics WHERE primary_affinity IS NOT NULL) AS with_affinity,
             (SELECT count(*)::int FROM customer_metrics WHERE margin <> 0) AS with_margin`);
    expect(coverage.rows).toBe(coverage.active);
    expect(coverage.consistent).toBe(coverage.rows);
    expect(coverage.with_affinity).toBeGreaterThan(20);
    expect(coverage.with_margin).toBeGreaterThan(20);
  });

  it('agrees with the live profile figures of every customer', async () => {
    const rows: Record<string, never>[] = await db().dataSource.query(`SELECT * FROM customer_metrics ORDER BY customer_id`);
    const disagreements: unknown[] = [];
    for (const row of rows) {
      const live = await readCustomerMetrics(db().dataSource, String(row['customer_id']), NOW);
      const fromLive = {
        tickets: [live?.tickets.allTime, live?.tickets.last12Months],
        money: [live?.revenue.allTime, live?.revenue.last12Months, live?.margin.allTime, live?.margin.last12Months],
        averages: [live?.averageTicket, live?.averageUnitPrice],
        returns: live?.returns,
        firstStore: live?.firstPurchase?.storeId ?? null,
        lastActivity: live?.lastActivityAt,
        affinity: [live?.affinity.primary?.value ?? null, live?.affinity.secondary?.value ?? null],
        segment: live?.rfm?.segment ?? null,
      };
      const optional = (value: string | null) => (value === null ? null : Number(value));
      const fromTable = {
        tickets: [row['ticket_count'], row['ticket_count_12m']],
        money: [Number(row['revenue']), Number(row['revenue_12m']), Number(row['margin']), Number(row['margin_12m'])],
        averages: [optional(row['average_ticket']), optional(row['average_unit_price'])],
        returns: row['returns_count'],
        firstStore: row['first_store_id'],
        lastActivity: (row['last_activity_at'] as Date | null)?.toISOString(),
        affinity: [row['primary_affinity'], row['secondary_affinity']],
        segment: row['rfm_segment'],
      };
      if (JSON.stringify(fromLive) !== JSON.stringify(fromTable)) disagreements.push({ customer: row['customer_id'], fromLive, fromTable });
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
  }, 60_000);
});
