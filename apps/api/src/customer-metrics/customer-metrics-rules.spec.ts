import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { HandMadeShop } from './testing/hand-made-shop';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('the purchase metrics rules, on small hand-made shops', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let shop: HandMadeShop;

  beforeAll(async () => {
    api = await startApi(db());
    shop = new HandMadeShop(api, db().dataSource);
    await shop.send('stores', [
      // Madrid is UTC+1 in winter: 23:30 UTC is already the next day there.
      { externalId: 'web', name: 'Tienda online', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' },
      { externalId: 'warsaw', name: 'Sklep Warszawa', channel: 'store', currency: 'PLN', timezone: 'Europe/Warsaw' },
    ]);
    await shop.send('currency-rates', [
      { currency: 'PLN', date: '2026-01-01', rate: 0.25 },
      { currency: 'PLN', date: '2026-02-01', rate: 0.2 },
    ]);
    await shop.send('products', [
      { externalId: 'rose', name: 'Rosal', categories: ['Jardín y exterior > Plantas'] },
      { externalId: 'pan', name: 'Sartén', categories: ['Hogar > Cocina'] },
      { externalId: 'seeds', name: 'Semillas', categories: ['Huerto ECO', 'Jardín y exterior > Plantas'] },
    ]);
  });
  afterAll(() => api?.close());

  it('counts purchases on one local day of the store as one ticket, even across UTC midnight', async () => {
    await shop.order('day', '2026-01-10T22:30:00Z', [['pan', 1, 10]]); // 23:30 on the 10th in Madrid
    await shop.order('day', '2026-01-10T23:30:00Z', [['pan', 1, 20]]); // 00:30 on the 11th
    await shop.order('day', '2026-01-11T18:00:00Z', [['pan', 1, 30]]); // still the 11th
    const metrics = await shop.metrics('day', NOW);
    expect(metrics.tickets).toEqual({ allTime: 2, last12Months: 2 });
    expect(metrics.revenue.allTime).toBe(60);
    expect(metrics.averageTicket).toBe(30);
    expect(metrics.averageUnitPrice).toBe(20);
  });

  it('counts one ticket for purchases in two stores on the same local day', async () => {
    await shop.order('two-stores', '2026-01-15T09:00:00Z', [['pan', 1, 10]]);
    await shop.order('two-stores', '2026-01-15T17:00:00Z', [['pan', 1, 100]], { storeExternalId: 'warsaw' });
    expect((await shop.metrics('two-stores', NOW)).tickets.allTime).toBe(1);
  });

  it('converts each store\'s currency at the rate of the order date', async () => {
    await shop.order('zloty', '2026-01-20T10:00:00Z', [['pan', 2, 50]], { storeExternalId: 'warsaw' }); // 100 PLN × 0.25
    await shop.order('zloty', '2026-02-20T10:00:00Z', [['pan', 1, 100]], { storeExternalId: 'warsaw' }); // 100 PLN × 0.20
    await shop.order('zloty', '2026-02-21T10:00:00Z', [['rose', 1, 5]]); // 5 EUR
    const metrics = await shop.metrics('zloty', NOW);
    expect(metrics.currency).toBe('EUR');
    expect(metrics.revenue.allTime).toBe(50);
    expect(metrics.averageUnitPrice).toBe(12.5);
    expect(metrics.firstPurchase).toMatchObject({ at: '2026-01-20T10:00:00.000Z', storeName: 'Sklep Warszawa', tenureDays: 40 });
  });

  it('subtracts returns from revenue and units, never counts them as tickets, and ignores cancelled orders', async () => {
    const sold = await shop.order('returner', '2026-02-01T10:00:00Z', [['pan', 2, 40]], { margin: 30 });
    await shop.order('returner', '2026-02-03T10:00:00Z', [['pan', -1, 40]], { kind: 'return', returnedOrderExternalId: sold, margin: -15 });
    await shop.order('returner', '2026-02-05T10:00:00Z', [['rose', 10, 9]], { status: 'cancelled', margin: 50 });
    const metrics = await shop.metrics('returner', NOW);
    expect(metrics.tickets.allTime).toBe(1);
    expect(metrics.returns).toBe(1);
    expect(metrics.revenue).toEqual({ allTime: 40, last12Months: 40 });
    expect(metrics.margin).toEqual({ allTime: 15, last12Months: 15 });
    expect(metrics.averageUnitPrice).toBe(40);
    // The cancelled order is still an interaction: the newest activity.
    expect(metrics.lastActivityAt).toBe('2026-02-05T10:00:00.000Z');
    expect(metrics.lastPurchase).toEqual({ at: '2026-02-01T10:00:00.000Z', daysSince: 28 });
  });

  it('counts the last 12 months strictly after now minus 12 months', async () => {
    await shop.order('old', '2025-03-01T12:00:00Z', [['pan', 1, 100]]); // exactly 12 months before: out
    await shop.order('old', '2025-03-01T12:00:01Z', [['pan', 1, 10]]); // one second later: in
    const metrics = await shop.metrics('old', NOW);
    expect(metrics.tickets).toEqual({ allTime: 1, last12Months: 1 });
    expect(metrics.revenue).toEqual({ allTime: 110, last12Months: 10 });
    expect((await shop.metrics('old', new Date('2026-03-01T12:00:01Z'))).revenue.last12Months).toBe(0);
  });

  it('shows affinity only from three tickets on, by share of net spend, each category of a product counted', async () => {
    await shop.order('gardener', '2026-01-05T10:00:00Z', [['rose', 1, 30], ['pan', 1, 10]]);
    await shop.order('gardener', '2026-01-06T10:00:00Z', [['seeds', 1, 20]]);
    expect((await shop.metrics('gardener', NOW)).affinity).toEqual({ primary: null, secondary: null, minimumTickets: 3 });

    await shop.order('gardener', '2026-01-07T10:00:00Z', [['pan', 1, 20]]);
    const { affinity } = await shop.metrics('gardener', NOW);
    expect(affinity.primary).toEqual({ attribute: 'category', value: 'Jardín y exterior', share: 0.625 }); // 50 of 80
    expect(affinity.secondary).toEqual({ attribute: 'category', value: 'Jardín y exterior > Plantas', share: 0.625 }); // tie: by name
    await shop.refreshAll(NOW);
    expect(await shop.summary('gardener')).toMatchObject({ primary_affinity: 'Jardín y exterior', secondary_affinity: 'Jardín y exterior > Plantas' });
  });

  it('keeps the summary row current as soon as a batch of orders or events is accepted', async () => {
    await shop.order('fresh', '2026-02-10T10:00:00Z', [['pan', 1, 25]]);
    expect(await shop.summary('fresh')).toMatchObject({ ticket_count: 1, revenue: '25.00' });
    await shop.order('fresh', '2026-02-11T10:00:00Z', [['pan', 1, 15]]);
    expect(await shop.summary('fresh')).toMatchObject({ ticket_count: 2, revenue: '40.00', last_activity_at: new Date('2026-02-11T10:00:00Z') });

    await shop.send('events', [{ externalId: 'ev-1', customerExternalId: 'fresh', type: 'page_view', occurredAt: '2026-02-12T08:00:00Z' }]);
    expect(await shop.summary('fresh')).toMatchObject({ ticket_count: 2, last_activity_at: new Date('2026-02-12T08:00:00Z') });
    await shop.send('consents', [{ customerExternalId: 'browser', channel: 'email', status: 'given', changedAt: '2026-02-13T08:00:00Z', source: 'web form' }]);
    expect(await shop.summary('browser')).toMatchObject({ ticket_count: 0, last_activity_at: new Date('2026-02-13T08:00:00Z') });
  });

  it('answers GET /api/v1/customers/{id}/metrics, 404 for an unknown customer and 400 for a malformed id', async () => {
    const ok = await api.send('GET', `/api/v1/customers/${await shop.idOf('day')}/metrics`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ customerId: await shop.idOf('day'), currency: 'EUR', tickets: { allTime: 2 }, revenue: { allTime: 60 } });

    const unknown = await api.send('GET', '/api/v1/customers/999999/metrics');
    expect(unknown).toEqual({ status: 404, body: { error: { code: 'CUSTOMER_NOT_FOUND', message: 'There is no customer with id 999999.' } } });

    const malformed = await api.send('GET', '/api/v1/customers/abc/metrics');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'INVALID_CUSTOMER_ID', details: [{ field: 'id', message: 'must be a customer id such as 42' }] });
  });

  it('shows a manager only the metrics of the customers they manage', async () => {
    const manager = await api.as('manager');
    const path = `/api/v1/customers/${await shop.idOf('day')}/metrics`;
    expect((await manager.send('GET', path)).body).toEqual({ error: { code: 'CUSTOMER_NOT_FOUND', message: `There is no customer with id ${await shop.idOf('day')}.` } });

    await db().dataSource.query(
      `UPDATE customers SET manager_id = (SELECT max(id) FROM users WHERE role = 'manager') WHERE external_id = 'day'`,
    );
    expect(await manager.send('GET', path)).toMatchObject({ status: 200, body: { tickets: { allTime: 2 } } });
    expect((await (await api.as('marketer')).send('GET', path)).status).toBe(200);
  });
});
