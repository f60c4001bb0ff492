import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS - 3_600_000).toISOString();

describe('customer_metrics.clv_state follows a new order at once', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let orders = 0;

  const order = async (customer: string, at: string, kind: 'sale' | 'return' = 'sale') => {
    const line = kind === 'sale' ? { sku: 'rose', quantity: 1, unitPrice: 20 } : { sku: 'rose', quantity: -1, unitPrice: 20 };
    const answer = await api.batch('orders', [{ externalId: `o-${++orders}`, customerExternalId: customer, storeExternalId: 'web', orderedAt: at, kind, lines: [line] }]);
    expect(answer.body.items[0].status).not.toBe('rejected');
  };
  const stateOf = async (customer: string) =>
    (await api.rows<{ clv_state: string | null }>(
      `SELECT m.clv_state FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE c.external_id = $1`,
      [customer],
    ))[0]?.clv_state;

  beforeAll(async () => {
    api = await startApi(db());
    await api.batch('stores', [{ externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR' }]);
    await api.batch('products', [{ externalId: 'rose', name: 'Rosal' }]);
  });
  afterAll(() => api?.close());

  it('moves a lost customer to active in the batch that brings their order, with the limits 182 / 365 / 730 days', async () => {
    await order('eva', daysAgo(800));
    expect(await stateOf('eva')).toBe('lost');
    await order('eva', daysAgo(400));
    expect(await stateOf('eva')).toBe('hibernating');
    await order('eva', daysAgo(200));
    expect(await stateOf('eva')).toBe('inactive');
    await order('eva', daysAgo(1));
    expect(await stateOf('eva')).toBe('active');
  });

  it('gives no state to a customer with only a return', async () => {
    await order('fede', daysAgo(3), 'return');
    expect(await stateOf('fede')).toBeNull();
  });
});
