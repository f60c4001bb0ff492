import type { RfmHistory, RfmTransitionTable } from '@marea/contracts';
import { refreshCustomerMetrics } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';

const DAY_MS = 86_400_000;
const NOW = Date.now();
/** The two whole-base refreshes the test plays: ten days ago, and an hour ago. */
const FIRST_REFRESH = new Date(NOW - 10 * DAY_MS);
const SECOND_REFRESH = new Date(NOW - 3_600_000);
const day = (at: Date) => at.toISOString().slice(0, 10); // the account's time zone is UTC

describe('RFM history: segments as intervals, a customer history route and the transition table', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let orders = 0;

  const send = async (resource: string, items: unknown[]) => {
    const answer = await api.batch(resource, items);
    if (answer.status !== 200 || answer.body.items.some((item: { status: string }) => item.status === 'rejected')) {
      throw new Error(`${resource} refused: ${JSON.stringify(answer.body)}`);
    }
  };
  const order = (customer: string, at: Date, total: number) =>
    send('orders', [
      { externalId: `o-${++orders}`, customerExternalId: customer, storeExternalId: 'web', orderedAt: at.toISOString(), lines: [{ sku: 'rose', quantity: 1, unitPrice: total }] },
    ]);
  const segments = async () =>
    new Map(
      (await api.rows<{ external_id: string; rfm_segment: string }>(
        `SELECT c.external_id, m.rfm_segment FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE m.rfm_segment IS NOT NULL`,
      )).map((row) => [row.external_id, row.rfm_segment]),
    );
  const idOf = async (customer: string) => (await api.rows<{ id: string }>(`SELECT id::text FROM customers WHERE external_id = $1`, [customer]))[0].id;

  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(async () => {
    api = await startApi(db());
    await send('stores', [{ externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR' }]);
    await send('products', [{ externalId: 'rose', name: 'Rosal' }]);
    // Ten customers with 1–10 tickets, the more tickets the more recent and the larger.
    for (let c = 1; c <= 10; c++) {
      for (let t = 0; t < c; t++) await order(`c${c}`, new Date(FIRST_REFRESH.getTime() - (200 - 15 * c + 3 * t) * DAY_MS), 10 * c);
    }
    // Zoe bought once, long ago; after the first refresh she comes back and buys on five days.
    await order('zoe', new Date(FIRST_REFRESH.getTime() - 500 * DAY_MS), 5);
    for (let d = 1; d <= 5; d++) await order('zoe', new Date(FIRST_REFRESH.getTime() + d * DAY_MS), 200);

    await refreshCustomerMetrics(db().dataSource, FIRST_REFRESH);
    before = await segments();
    await refreshCustomerMetrics(db().dataSource, SECOND_REFRESH);
    after = await segments();
  });
  afterAll(() => api?.close());

  it('opens one interval per scored customer, and a second only for those whose segment changed', async () => {
    const moved = [...after].filter(([customer, segment]) => before.get(customer) !== segment).map(([customer]) => customer);
    expect(before.get('zoe')).not.toBe(after.get('zoe'));
    expect(moved).toContain('zoe');
    expect(await api.count('rfm_segment_history')).toBe(before.size + moved.length);
    const [{ open }] = await api.rows<{ open: number }>(`SELECT count(*)::int AS open FROM rfm_segment_history WHERE valid_to IS NULL`);
    expect(open).toBe(after.size);

    // A refresh that changes nothing records nothing.
    await refreshCustomerMetrics(db().dataSource, new Date(SECOND_REFRESH.getTime() + 1000));
    expect(await api.count('rfm_segment_history')).toBe(before.size + moved.length);
  });

  it("answers a customer's segments over time, newest first", async () => {
    const id = await idOf('zoe');
    const answer = await api.send('GET', `/api/v1/customers/${id}/rfm-history`);
    expect(answer.status).toBe(200);
    expect(answer.body as RfmHistory).toEqual({
      customerId: id,
      entries: [
        { segment: after.get('zoe'), from: SECOND_REFRESH.toISOString(), to: null },
        { segment: before.get('zoe'), from: FIRST_REFRESH.toISOString(), to: SECOND_REFRESH.toISOString() },
      ],
    });
  });

  it('counts the movement between the two days in the transition table, as the two snapshots say', async () => {
    const answer = await api.send('GET', `/api/v1/analyses/rfm-transitions?from=${day(FIRST_REFRESH)}&to=${day(SECOND_REFRESH)}`);
    expect(answer.status).toBe(200);
    const table = answer.body as RfmTransitionTable;
    expect(table).toMatchObject({ from: day(FIRST_REFRESH), to: day(SECOND_REFRESH) });
    const expected = table.segments.map(() => table.segments.map(() => 0));
    for (const [customer, segment] of after) {
      if (before.has(customer)) expected[table.segments.indexOf(before.get(customer) as never)][table.segments.indexOf(segment as never)]++;
    }
    expect(table.counts).toEqual(expected);
    const zoe = table.counts[table.segments.indexOf(before.get('zoe') as never)][table.segments.indexOf(after.get('zoe') as never)];
    expect(zoe).toBeGreaterThanOrEqual(1);
    // The same day on both sides: nobody moved.
    const still = (await api.send('GET', `/api/v1/analyses/rfm-transitions?from=${day(FIRST_REFRESH)}&to=${day(FIRST_REFRESH)}`)).body as RfmTransitionTable;
    expect(still.counts.flat().reduce((a, b) => a + b, 0)).toBe(before.size);
    expect(still.counts.every((row, i) => row.every((count, j) => i === j || count === 0))).toBe(true);
  });

  it('refuses wrong days with 400, naming the field', async () => {
    const wrong = await api.send('GET', '/api/v1/analyses/rfm-transitions?from=2026-13-01&to=2026-11-01');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_RFM_TRANSITIONS_QUERY', details: [{ field: 'from', message: 'must be a real date written YYYY-MM-DD' }] });
    const backwards = await api.send('GET', '/api/v1/analyses/rfm-transitions?from=2026-11-02&to=2026-11-01');
    expect(backwards.body.error.details).toEqual([{ field: 'to', message: 'must not be before from (2026-11-02)' }]);
    const missing = await api.send('GET', '/api/v1/analyses/rfm-transitions?from=2026-11-02');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['to']);
  });

  it("shows a manager only the history of the customers they manage, like the profile", async () => {
    const manager = await api.as('manager');
    const id = await idOf('c3');
    expect((await manager.send('GET', `/api/v1/customers/${id}/rfm-history`)).status).toBe(404);
    await api.rows(`UPDATE customers SET manager_id = $1 WHERE id = $2`, [manager.userId, id]);
    const answer = await manager.send('GET', `/api/v1/customers/${id}/rfm-history`);
    expect(answer.status).toBe(200);
    expect(answer.body.entries[0]).toMatchObject({ segment: after.get('c3'), to: null });
    expect((await api.send('GET', '/api/v1/customers/abc/rfm-history')).body.error.details).toEqual([{ field: 'id', message: 'must be a customer id such as 42' }]);
  });
});
