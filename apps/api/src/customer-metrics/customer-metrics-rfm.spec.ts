import { quintileScores, rfmSegment } from '@marea/domain/customer-metrics';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { HandMadeShop } from './testing/hand-made-shop';

const NOW = new Date('2026-03-01T12:00:00Z');

interface Scores {
  id: string;
  ticket_count: number;
  revenue: string;
  last_purchase_at: Date;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  rfm_margin: number | null;
  rfm_segment: string | null;
}

describe('RFM quintiles over the whole base', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let shop: HandMadeShop;
  const scores = (): Promise<Scores[]> =>
    db().dataSource.query(`SELECT customer_id::text AS id, ticket_count, revenue, last_purchase_at, rfm_recency, rfm_frequency,
        rfm_monetary, rfm_margin, rfm_segment FROM customer_metrics ORDER BY customer_id`);

  beforeAll(async () => {
    api = await startApi(db());
    shop = new HandMadeShop(api, db().dataSource);
    await shop.send('stores', [{ externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' }]);
    // Ten customers who bought the very same thing at the very same moment: every value ties.
    await shop.send('customers', Array.from({ length: 10 }, (_, i) => ({ externalId: `twin-${i}` })));
    for (let i = 0; i < 10; i++) await shop.order(`twin-${i}`, '2026-02-01T10:00:00Z', [['pan', 1, 20]], { margin: 5 });
  });
  afterAll(() => api?.close());

  it('breaks ties by customer id, the smaller id scoring higher, the same on every refresh', async () => {
    await shop.refreshAll(NOW);
    const first = await scores();
    expect(first.map((row) => [row.rfm_recency, row.rfm_frequency, row.rfm_monetary, row.rfm_margin])).toEqual(
      [5, 5, 4, 4, 3, 3, 2, 2, 1, 1].map((score) => [score, score, score, score]),
    );
    await db().dataSource.query(`UPDATE customer_metrics SET rfm_recency = NULL, rfm_segment = NULL`);
    await shop.refreshAll(NOW);
    expect(await scores()).toEqual(first);
  });

  it('deals the same quintiles as the domain rule on a varied base, and names the segment from R and FM', async () => {
    // Spread the base out: different recencies, frequencies and amounts, and one customer who only returned.
    for (let i = 0; i < 17; i++) {
      const customer = `varied-${i}`;
      for (let t = 0; t <= i % 4; t++) await shop.order(customer, `2025-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + t}T10:00:00Z`, [['pan', 1 + (i % 3), 7 * (i % 5) + 1]]);
    }
    await shop.order('only-returns', '2026-01-10T10:00:00Z', [['pan', -1, 20]], { kind: 'return' });
    await shop.refreshAll(NOW);

    const rows = await scores();
    const buyers = rows.filter((row) => row.ticket_count > 0);
    const days = (row: Scores) => Math.floor((NOW.getTime() - row.last_purchase_at.getTime()) / 86_400_000);
    const expected = {
      recency: quintileScores(buyers.map((row) => ({ customerId: row.id, value: days(row) })), 'lower'),
      frequency: quintileScores(buyers.map((row) => ({ customerId: row.id, value: row.ticket_count })), 'higher'),
      monetary: quintileScores(buyers.map((row) => ({ customerId: row.id, value: Number(row.revenue) })), 'higher'),
    };
    for (const row of buyers) {
      const [r, f, m] = [expected.recency.get(row.id), expected.frequency.get(row.id), expected.monetary.get(row.id)] as number[];
      expect({ id: row.id, r: row.rfm_recency, f: row.rfm_frequency, m: row.rfm_monetary, segment: row.rfm_segment })
        .toEqual({ id: row.id, r, f, m, segment: rfmSegment(r, f, m) });
    }
    expect(rows.find((row) => row.ticket_count === 0)).toMatchObject({ rfm_recency: null, rfm_segment: null });
    expect(new Set(buyers.map((row) => row.rfm_segment)).size).toBeGreaterThan(3);
  });

  it('shows the scores on the profile with the moment the base was scored; none without a purchase', async () => {
    const twin = await shop.metrics('twin-0', NOW);
    expect(twin.rfm).toMatchObject({ computedAt: NOW.toISOString() });
    expect((await shop.metrics('only-returns', NOW)).rfm).toBeNull();
  });
});
