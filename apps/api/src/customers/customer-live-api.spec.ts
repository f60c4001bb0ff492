import { useTestDatabase } from '@marea/testing';
import { testCredentials } from '../access/testing/test-credentials';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { pushCustomerShop } from './testing/customer-shop';
import { openEventStream } from './testing/event-stream-reader';

describe("the live stream of a customer's profile", () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;
  let marketer: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia } = await pushCustomerShop(api));
    marketer = (await testCredentials(db().dataSource, 'marketer')).headers;
  });
  afterAll(() => api?.close());

  const pageView = (id: string, customer: string) => ({
    externalId: id,
    customerExternalId: customer,
    type: 'page_view',
    occurredAt: new Date().toISOString(),
    visitId: `visit-${customer}`,
    pageUrl: 'https://shop.example.com/ofertas',
  });

  it("delivers a new event of the customer, and not another customer's", async () => {
    const stream = await openEventStream(`${api.url}/api/v1/customers/${lucia}/live`, marketer);
    try {
      expect(stream.status).toBe(200);
      expect(await stream.next()).toEqual({ type: 'ready', data: { customerId: lucia } });

      await api.batch('events', [pageView('other-1', 'CRM-2002')]);
      expect(await stream.nothingWithin(500)).toBeNull();

      await api.batch('events', [pageView('mine-1', 'CRM-1001')]);
      const notice = await stream.next();
      expect(notice).toMatchObject({ type: 'activity', data: { customerId: lucia } });

      // The notice comes after the commit: the timeline already shows the new event, live.
      const { body } = await api.send('GET', `/api/v1/customers/${lucia}/timeline?limit=1`);
      expect(body.entries[0]).toMatchObject({ type: 'visit', visitId: 'visit-CRM-1001', live: true, events: [{ pageUrl: 'https://shop.example.com/ofertas' }] });

      // An event sent again is not new: nothing is announced.
      await api.batch('events', [pageView('mine-1', 'CRM-1001')]);
      expect(await stream.nothingWithin(500)).toBeNull();
    } finally {
      stream.close();
    }
  });

  it('answers 404 for an unknown customer', async () => {
    const { status, body } = await api.send('GET', '/api/v1/customers/999999/live');
    expect(status).toBe(404);
    expect(body.error.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('ends open streams when the application shuts down', async () => {
    const other = await startApi(db());
    const stream = await openEventStream(`${other.url}/api/v1/customers/${lucia}/live`, marketer);
    expect((await stream.next()).type).toBe('ready');
    await other.close();
    expect(await stream.nothingWithin(2_000)).toBeNull();
    stream.close();
  });
});
