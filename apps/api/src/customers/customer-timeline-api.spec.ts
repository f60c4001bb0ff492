import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { pushCustomerShop } from './testing/customer-shop';

describe('the customer timeline API', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;
  let marek: string;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia, marek } = await pushCustomerShop(api));
    await api.send('PATCH', `/api/v1/customers/${lucia}`, { city: 'Cádiz' });
  });
  afterAll(() => api?.close());

  const timeline = async (customerId: string, query = '') => {
    const { status, body } = await api.send('GET', `/api/v1/customers/${customerId}/timeline${query}`);
    expect(status).toBe(200);
    return body;
  };
  const summary = (entry: { type: string; order?: { externalId: string }; visitId?: string; event?: { type: string }; channel?: string; field?: string }) =>
    entry.order?.externalId ?? entry.visitId ?? entry.event?.type ?? (entry.channel ? `${entry.channel} consent` : entry.field ?? entry.type);

  it('lists everything newest first: the edit, orders, the visit as one entry, the form answer, events outside visits and consent changes', async () => {
    const { entries, nextBefore } = await timeline(lucia);
    expect(entries.map(summary)).toEqual(['city', 'o-2', 'visit-1', 'favourite', 'form_answer', 'sms consent', 'o-1', 'sms consent', 'email consent']);
    expect(entries.map((entry: { type: string }) => entry.type)).toEqual([
      'attribute_change', 'order', 'visit', 'event', 'form_answer', 'consent_change', 'order', 'consent_change', 'consent_change',
    ]);
    expect(nextBefore).toBeNull();
  });

  it('groups a visit with its page views, product views and cart changes, its store, and says it is over', async () => {
    const { entries } = await timeline(lucia, '?types=visit');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      type: 'visit',
      visitId: 'visit-1',
      at: '2025-03-01T09:50:00.000Z',
      startedAt: '2025-03-01T09:40:00.000Z',
      live: false,
      eventCount: 3,
      store: { name: 'Tienda online' },
    });
    expect(entries[0].events.map((event: { type: string }) => event.type)).toEqual(['add_to_cart', 'product_view', 'page_view']);
  });

  it('shows orders with their lines, channel and store', async () => {
    const { entries } = await timeline(lucia, '?types=order');
    expect(entries.map((entry: { order: { externalId: string; channel: string; store: { name: string } } }) => [entry.order.externalId, entry.order.channel, entry.order.store.name])).toEqual([
      ['o-2', 'ecommerce', 'Tienda online'],
      ['o-1', 'store', 'Sklep Kraków'],
    ]);
    expect(entries[1].order.lines).toMatchObject([{ sku: 'sku-semillas', quantity: 4, total: 12 }]);
  });

  it('filters by several types', async () => {
    const { entries } = await timeline(lucia, '?types=form_answer,consent_change');
    expect(entries.map((entry: { type: string }) => entry.type)).toEqual(['form_answer', 'consent_change', 'consent_change', 'consent_change']);
    expect((await timeline(lucia, '?types=message,task')).entries).toEqual([]);
  });

  it('pages with the cursor of the previous page, never skipping or repeating an entry', async () => {
    const all = (await timeline(lucia)).entries.map((entry: { key: string }) => entry.key);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page: { entries: { key: string }[]; nextBefore: string | null } = await timeline(lucia, `?limit=2${before ? `&before=${before}` : ''}`);
      seen.push(...page.entries.map((entry) => entry.key));
      before = page.nextBefore;
      pages++;
    } while (before);
    expect(seen).toEqual(all);
    expect(pages).toBe(5);
  });

  it("shows only the customer's own entries", async () => {
    const { entries } = await timeline(marek, '?types=order,visit,event,form_answer,consent_change,attribute_change');
    expect(entries.map(summary)).toEqual(['o-3']);
  });

  it('marks a visit live while its newest event is recent', async () => {
    const now = Date.now();
    const { status } = await api.batch('events', [
      { externalId: 'live-1', customerExternalId: 'CRM-2002', type: 'page_view', occurredAt: new Date(now - 60_000).toISOString(), visitId: 'visit-live' },
      { externalId: 'live-2', customerExternalId: 'CRM-2002', type: 'page_view', occurredAt: new Date(now - 40 * 60_000).toISOString(), visitId: 'visit-old' },
    ]);
    expect(status).toBe(200);
    const { entries } = await timeline(marek, '?types=visit');
    expect(entries.map((entry: { visitId: string; live: boolean }) => [entry.visitId, entry.live])).toEqual([
      ['visit-live', true],
      ['visit-old', false],
    ]);
  });

  it('shows segment entries and exits, and the profile lists the segments the customer is in now', async () => {
    const segments = await api.rows<{ id: string; code: string }>(
      `INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('gardeners', 'Gardeners', 'dynamic', '{}', 1), ('buyers', 'Buyers', 'dynamic', '{}', 1)
       RETURNING id::text, code`,
    );
    const id = (code: string) => segments.find((segment) => segment.code === code)?.id;
    await api.rows(
      `INSERT INTO segment_memberships (segment_id, customer_id, entered_at, exited_at) VALUES
         ($1, $3, '2025-01-20T00:00:00Z', '2025-02-20T00:00:00Z'), ($2, $3, '2025-03-02T00:00:00Z', NULL)`,
      [id('gardeners'), id('buyers'), marek],
    );
    const { entries } = await timeline(marek, '?types=segment_change');
    expect(entries.map((entry: { change: string; segment: { name: string }; at: string }) => [entry.change, entry.segment.name, entry.at])).toEqual([
      ['entered', 'Buyers', '2025-03-02T00:00:00.000Z'],
      ['exited', 'Gardeners', '2025-02-20T00:00:00.000Z'],
      ['entered', 'Gardeners', '2025-01-20T00:00:00.000Z'],
    ]);
    const { body } = await api.send('GET', `/api/v1/customers/${marek}`);
    expect(body.segments).toEqual([{ id: id('buyers'), name: 'Buyers', since: '2025-03-02T00:00:00.000Z' }]);
  });

  it('refuses an unknown type, a forged cursor and an unknown customer, naming the problem', async () => {
    const type = await api.send('GET', `/api/v1/customers/${lucia}/timeline?types=order,phone_call`);
    expect(type.status).toBe(400);
    expect(type.body.error).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'types[1]' }] });
    const cursor = await api.send('GET', `/api/v1/customers/${lucia}/timeline?before=garbage`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual([{ field: 'before', message: 'must be the nextBefore of a previous page' }]);
    expect((await api.send('GET', '/api/v1/customers/999999/timeline')).status).toBe(404);
  });
});
