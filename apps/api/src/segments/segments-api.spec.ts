import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { SegmentApiClient } from './testing/segment-api-client';

const inCountries = (...countries: string[]) => ({
  version: 1,
  match: 'all',
  conditions: [{ kind: 'customer_field', field: 'country', test: { op: 'in', values: countries } }],
});
const hasOrdered = {
  version: 1,
  match: 'all',
  conditions: [{ kind: 'order_aggregate', aggregate: 'count', test: { op: 'gte', value: 1 } }],
};

describe('segments over HTTP', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let segments: SegmentApiClient;

  beforeAll(async () => {
    api = await startApi(db());
    segments = new SegmentApiClient(api, db().dataSource);
    await api.batch('stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
    await api.batch('customers', [
      { externalId: 'ana', firstName: 'Ana', country: 'ES' },
      { externalId: 'bruno', firstName: 'Bruno', country: 'PT' },
      { externalId: 'celina', firstName: 'Celina', country: 'PL' },
    ]);
  });
  afterAll(() => api?.close());

  it('reports every problem of a segment with its path, and saves nothing', async () => {
    const answer = await api.send('POST', '/api/v1/segments', {
      code: 'Not A Code',
      name: 'Broken',
      kind: 'dynamic',
      rule: {
        version: 1,
        match: 'all',
        conditions: [
          { kind: 'customer_field', field: 'country', test: { op: 'gte', value: 'ES' } },
          { kind: 'custom_field', key: 'shoe_size', test: { op: 'equals', value: 42 } },
        ],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INVALID_SEGMENT');
    expect(answer.body.error.details.map((d: { field: string }) => d.field)).toEqual(['code']);

    const badRule = await api.send('POST', '/api/v1/segments', {
      code: 'broken',
      name: 'Broken',
      kind: 'dynamic',
      rule: {
        version: 1,
        match: 'all',
        conditions: [
          { kind: 'custom_field', key: 'shoe_size', test: { op: 'equals', value: 42 } },
          { kind: 'group', match: 'any', conditions: [{ kind: 'first_purchase_store', test: { op: 'in', values: ['web', 'atlantis'] } }] },
        ],
      },
    });
    expect(badRule.status).toBe(400);
    expect(badRule.body.error).toMatchObject({ code: 'INVALID_SEGMENT', message: 'The rule has 2 problems.' });
    expect(badRule.body.error.details).toEqual([
      { field: 'rule.conditions[0].key', message: expect.stringMatching(/no custom field "shoe_size"/) },
      { field: 'rule.conditions[1].conditions[0].test.values[1]', message: 'there is no store "atlantis"' },
    ]);
    expect(await api.count('segments')).toBe(0);
  });

  it('computes a new dynamic segment in the background, records its size and tells its creator', async () => {
    const marketer = await api.as('marketer');
    const created = await marketer.send('POST', '/api/v1/segments', { code: 'iberia', name: 'Iberia', kind: 'dynamic', rule: inCountries('ES', 'PT') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'iberia', kind: 'dynamic', active: true, recomputeEveryMinutes: 240, timeRelative: false });

    const segment = await segments.untilComputed('iberia');
    expect(segment).toMatchObject({ size: 2, lockedAt: null, computation: { status: 'completed', progress: 1 } });
    expect(Date.parse(segment.computation.nextAt!) - Date.parse(segment.computation.computedAt!)).toBe(240 * 60_000);
    expect(await segments.memberIds('iberia')).toEqual(['ana', 'bruno']);
    expect((await api.send('GET', '/api/v1/segments/iberia/sizes')).body.items).toEqual([
      { computedAt: segment.computation.computedAt, size: 2, entered: 2, exited: 0 },
    ]);

    const inbox = await marketer.send('GET', '/api/v1/notifications');
    expect(inbox.body).toMatchObject({ unread: 1, items: [{ kind: 'segment_computed', message: 'The segment "Iberia" is ready: 2 customers.', link: '/segments/iberia' }] });
    expect((await marketer.send('POST', '/api/v1/notifications/read', {})).status).toBe(204);
    expect((await marketer.send('GET', '/api/v1/notifications')).body.unread).toBe(0);
    // Someone else's notifications are not mine.
    expect((await (await api.as('marketer')).send('GET', '/api/v1/notifications')).body.items).toEqual([]);
  });

  it('re-evaluates a customer within a second of an order arriving through the batch API', async () => {
    await segments.computed({ code: 'buyers', name: 'Buyers', kind: 'dynamic', rule: hasOrdered });
    expect(await segments.memberIds('buyers')).toEqual([]);

    const ordered = await api.batch('orders', [
      {
        externalId: 'o-1',
        customerExternalId: 'celina',
        storeExternalId: 'web',
        orderedAt: new Date(Date.now() - 60_000).toISOString(),
        lines: [{ sku: 'fern', quantity: 1, unitPrice: 12 }],
      },
    ]);
    expect(ordered.status).toBe(200);
    const committed = Date.now();
    let entered: string[] = [];
    while (Date.now() - committed < 1000 && entered.length === 0) {
      entered = (await api.rows<{ external_id: string }>(
        `SELECT c.external_id FROM segment_memberships m JOIN segments s ON s.id = m.segment_id JOIN customers c ON c.id = m.customer_id
         WHERE s.code = 'buyers' AND m.exited_at IS NULL`,
      )).map((row) => row.external_id);
    }
    expect(entered).toEqual(['celina']);
    const feed = await api.rows(`SELECT f.change FROM segment_feed f JOIN segments s ON s.id = f.segment_id WHERE s.code = 'buyers'`);
    expect(feed).toEqual([{ change: 'entered' }]);
    expect((await segments.get('buyers')).size).toBe(1);
  });

  it('locks a static segment once computed: later changes neither add members nor change its rule', async () => {
    const segment = await segments.computed({ code: 'founders', name: 'Founders', kind: 'static', rule: inCountries('PL') });
    expect(segment.lockedAt).not.toBeNull();
    expect(segment.computation.nextAt).toBeNull();
    expect(await segments.memberIds('founders')).toEqual(['celina']);

    await api.batch('customers', [{ externalId: 'dorota', firstName: 'Dorota', country: 'PL' }]);
    const edit = await api.send('PATCH', '/api/v1/segments/founders', { rule: inCountries('PL', 'ES') });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('SEGMENT_LOCKED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await segments.memberIds('founders')).toEqual(['celina']);
  });

  it('never computes an inactive segment, and computes it at once when activated', async () => {
    await api.send('POST', '/api/v1/segments', { code: 'dormant', name: 'Dormant', kind: 'dynamic', active: false, rule: inCountries('ES') });
    // Created after the inactive one, computed before it would have been.
    await segments.computed({ code: 'awake', name: 'Awake', kind: 'dynamic', rule: inCountries('ES') });
    const dormant = await segments.get('dormant');
    expect(dormant).toMatchObject({ active: false, size: 0, computation: { status: 'pending', computedAt: null, nextAt: null } });

    expect((await api.send('POST', '/api/v1/segments/dormant/activate')).status).toBe(200);
    expect(await segments.untilComputed('dormant')).toMatchObject({ active: true, size: 1 });
  });

  it('previews an unsaved rule: the count and the first customers, without saving anything', async () => {
    const before = await api.count('segments');
    const preview = await api.send('POST', '/api/v1/segments/preview', { rule: inCountries('ES', 'PL') });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(3);
    expect(preview.body.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['ana', 'celina', 'dorota']);
    expect(await api.count('segments')).toBe(before);

    const invalid = await api.send('POST', '/api/v1/segments/preview', { rule: { version: 1, match: 'sometimes', conditions: [] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].field).toBe('rule.match');
  });

  it('exports members as CSV in which no cell can run as a spreadsheet formula', async () => {
    await api.batch('customers', [
      { externalId: 'eve', firstName: '=HYPERLINK("http://evil.example","x")', lastName: '@SUM(A1)', city: '+Lisboa', country: 'IS' },
      { externalId: 'fin', firstName: '-2+3', lastName: 'Ólafsson, Jr.', country: 'IS' },
    ]);
    await segments.computed({ code: 'iceland', name: 'Iceland', kind: 'dynamic', rule: inCountries('IS') });

    const csv = await segments.exportCsv('iceland');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, eve, fin, end] = csv.text.split('\r\n');
    expect(header).toBe('customer_id,external_id,first_name,last_name,email,phone,city,country,entered_at');
    expect(eve).toMatch(/^\d+,eve,"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)",'@SUM\(A1\),,,'\+Lisboa,IS,20\d\d-/);
    expect(fin).toMatch(/^\d+,fin,'-2\+3,"Ólafsson, Jr.",,,,IS,/);
    expect(end).toBe('');
    expect((await segments.exportCsv('iceland', 'manager')).status).toBe(403);
  });

  it('lists the customers of a segment a page at a time, and says which paging value is wrong', async () => {
    const first = await api.send('GET', '/api/v1/segments/iceland/customers?pageSize=1');
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, total: 2, items: [{ externalId: 'eve', country: 'IS', enteredAt: expect.any(String) }] });
    const second = await api.send('GET', '/api/v1/segments/iceland/customers?page=2&pageSize=1');
    expect(second.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['fin']);

    const tooLarge = await api.send('GET', '/api/v1/segments/iceland/customers?pageSize=5000');
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.details).toEqual([{ field: 'pageSize', message: 'must be at most 500' }]);
    expect((await api.send('GET', '/api/v1/segments/nowhere/customers')).body.error.code).toBe('SEGMENT_NOT_FOUND');
  });

  it('edits, deactivates and deletes a segment by its code', async () => {
    const renamed = await api.send('PATCH', '/api/v1/segments/iberia', { name: 'Iberian peninsula', recomputeEveryMinutes: 60 });
    expect(renamed.body).toMatchObject({ name: 'Iberian peninsula', recomputeEveryMinutes: 60 });
    expect((await api.send('POST', '/api/v1/segments/iberia/deactivate')).body).toMatchObject({ active: false, computation: { nextAt: null } });
    const inIberia = { version: 1, match: 'all', conditions: [{ kind: 'segment', member: true, code: 'iberia' }] };
    expect((await api.send('POST', '/api/v1/segments', { code: 'iberia-fans', name: 'Fans', kind: 'dynamic', rule: inIberia })).status).toBe(201);
    const inUse = await api.send('DELETE', '/api/v1/segments/iberia');
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toEqual({ code: 'SEGMENT_IN_USE', message: 'The segment "iberia" cannot be deleted: the rules of "iberia-fans" use it. Change them first.' });
    expect((await api.send('DELETE', '/api/v1/segments/iberia-fans')).status).toBe(204);
    expect((await api.send('DELETE', '/api/v1/segments/iberia')).status).toBe(204);
    expect((await api.send('GET', '/api/v1/segments/iberia')).status).toBe(404);
    expect((await api.send('POST', '/api/v1/segments', { code: 'buyers', name: 'Again', kind: 'dynamic', rule: hasOrdered })).body.error.code).toBe(
      'SEGMENT_CODE_TAKEN',
    );
  });
});
