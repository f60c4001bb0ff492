import type { ClvScoreTable, ClvStateFigures } from '@marea/contracts';
import { recencyState } from '@marea/domain/analyses';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

const DAY_MS = 86_400_000;
/** An instant `days` days (plus an hour, away from any boundary) before the test runs. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS - 3_600_000).toISOString();

describe('GET /api/v1/analyses/clv-states: the CLV score table of a hand-made shop', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let orders = 0;

  const send = async (resource: string, items: unknown[]) => {
    const answer = await api.batch(resource, items);
    if (answer.status !== 200 || answer.body.items.some((item: { status: string }) => item.status === 'rejected')) {
      throw new Error(`${resource} refused: ${JSON.stringify(answer.body)}`);
    }
  };
  const order = (customer: string, at: string, total: number, extra: Record<string, unknown> = {}) =>
    send('orders', [
      { externalId: `o-${++orders}`, customerExternalId: customer, storeExternalId: 'web', orderedAt: at, lines: [{ sku: 'rose', quantity: 1, unitPrice: total }], ...extra },
    ]);
  const table = async (query = ''): Promise<ClvScoreTable> => {
    const answer = await api.send('GET', `/api/v1/analyses/clv-states${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const state = (scores: ClvScoreTable, name: string): ClvStateFigures | undefined => scores.states.find((s) => s.state === name);

  beforeAll(async () => {
    api = await startApi(db());
    await send('stores', [{ externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' }]);
    await send('products', [{ externalId: 'rose', name: 'Rosal', categories: ['Jardín y exterior > Plantas'] }]);
    // Active: two tickets (two purchases on one day are one ticket), last 10 days ago; a return takes 20 off.
    await order('ana', daysAgo(40), 100);
    await order('ana', daysAgo(10), 30);
    await order('ana', daysAgo(10), 20);
    await order('ana', daysAgo(5), 20, { kind: 'return', lines: [{ sku: 'rose', quantity: -1, unitPrice: 20 }] });
    // Active too: one ticket 100 days ago.
    await order('bea', daysAgo(100), 60);
    // Inactive: 200 days since the last purchase; a cancelled order later counts for nothing.
    await order('carlos', daysAgo(300), 50);
    await order('carlos', daysAgo(200), 50);
    await order('carlos', daysAgo(20), 999, { status: 'cancelled' });
    // Hibernating: 400 days.
    await order('dora', daysAgo(400), 80);
    // Lost: 800 days.
    await order('eva', daysAgo(800), 40);
    // Only a return and no purchase: not in the table.
    await order('fede', daysAgo(30), 10, { kind: 'return', lines: [{ sku: 'rose', quantity: -1, unitPrice: 10 }] });
  });
  afterAll(() => api?.close());

  it('counts customers, tickets, spend and recency per state with the default limits 182 / 365 / 730 days', async () => {
    const scores = await table();
    expect(scores.limits).toEqual({ activeDays: 182, inactiveDays: 365, hibernatingDays: 730 });
    expect(scores.currency).toBe('EUR');
    expect(scores.states.map((s) => s.state)).toEqual(['active', 'inactive', 'hibernating', 'lost']);
    expect(state(scores, 'active')).toEqual({
      state: 'active',
      customers: 2,
      tickets: 3,
      totalSpend: 190, // ana 100 + 30 + 20 − 20, bea 60
      averageTicket: 63.33,
      meanRecencyDays: 55, // (10 + 100) / 2
      ticketsPerCustomer: 1.5,
      spendPerCustomer: 95,
      customerShare: 0.4,
      revenueShare: 0.4634, // 190 of 410
    });
    expect(state(scores, 'inactive')).toMatchObject({ customers: 1, tickets: 2, totalSpend: 100, averageTicket: 50, meanRecencyDays: 200 });
    expect(state(scores, 'hibernating')).toMatchObject({ customers: 1, tickets: 1, totalSpend: 80, meanRecencyDays: 400, customerShare: 0.2 });
    expect(state(scores, 'lost')).toMatchObject({ customers: 1, tickets: 1, totalSpend: 40, meanRecencyDays: 800, revenueShare: 0.0976 });
    expect(scores.total).toEqual({ customers: 5, tickets: 7, totalSpend: 410 });
  });

  it('classifies every customer exactly as the domain rule does', async () => {
    const scores = await table();
    const expected = { active: 0, inactive: 0, hibernating: 0, lost: 0 };
    for (const days of [10, 100, 200, 400, 800]) expected[recencyState(days)]++;
    expect(Object.fromEntries(scores.states.map((s) => [s.state, s.customers]))).toEqual(expected);
  });

  it('follows limits the shop adjusted, and shows an empty state with zeros', async () => {
    const scores = await table('?activeDays=30&inactiveDays=90&hibernatingDays=1000');
    expect(scores.states.map((s) => s.customers)).toEqual([1, 0, 4, 0]); // 10 | — | 100, 200, 400, 800 days
    expect(state(scores, 'lost')).toEqual({
      state: 'lost',
      customers: 0,
      tickets: 0,
      totalSpend: 0,
      averageTicket: null,
      meanRecencyDays: null,
      ticketsPerCustomer: null,
      spendPerCustomer: null,
      customerShare: 0,
      revenueShare: 0,
    });
  });

  it('says which limit is wrong and why', async () => {
    const answer = await api.send('GET', '/api/v1/analyses/clv-states?activeDays=200&inactiveDays=100&hibernatingDays=abc');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_CLV_STATE_LIMITS');
    expect(answer.body.error.details).toEqual([{ field: 'hibernatingDays', message: 'must be a whole number of days' }]);
    const unordered = await api.send('GET', '/api/v1/analyses/clv-states?activeDays=200&inactiveDays=100');
    expect(unordered.body.error).toEqual({
      code: 'INVALID_CLV_STATE_LIMITS',
      message: 'The state limits are wrong: inactiveDays must be greater than activeDays (200).',
      details: [{ field: 'inactiveDays', message: 'must be greater than activeDays (200)' }],
    });
  });

  it('is open to marketers but not to managers', async () => {
    expect((await (await api.as('marketer')).send('GET', '/api/v1/analyses/clv-states')).status).toBe(200);
    expect((await (await api.as('manager')).send('GET', '/api/v1/analyses/clv-states')).status).toBe(403);
  });
});
