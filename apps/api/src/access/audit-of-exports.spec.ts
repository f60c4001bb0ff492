import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

describe('the audit log of exports and merges', () => {
  const db = useTestDatabase();
  let marketer: ApiUnderTest;

  beforeAll(async () => {
    marketer = await startApi(db(), {}, { as: 'marketer' });
  });
  afterAll(() => marketer?.close());

  it('records who exported the customers of a segment, and from where', async () => {
    const rule = { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'country', test: { op: 'in', values: ['ES'] } }] };
    expect((await marketer.send('POST', '/api/v1/segments', { code: 'spain', name: 'Spain', kind: 'dynamic', rule })).status).toBe(201);
    const exported = await fetch(`${marketer.url}/api/v1/segments/spain/customers.csv`, { headers: marketer.credentials });
    expect(exported.status).toBe(200);
    await exported.text();

    const [entry] = await marketer.rows<{ action: string; actor_label: string; subject: string; ip: string }>(
      `SELECT action, actor_label, subject, ip FROM audit_log WHERE action = 'customers.exported'`,
    );
    expect(entry).toMatchObject({ action: 'customers.exported', actor_label: expect.stringMatching(/^marketer-.*@marea\.test$/), subject: 'segment spain' });
    expect(entry.ip).toMatch(/127\.0\.0\.1/);
  });

  it('records who merged a duplicate into which customer', async () => {
    const [{ id: lucia }, { id: duplicate }] = await marketer.rows<{ id: string }>(
      `INSERT INTO customers (external_id, first_name, email) VALUES ('lucia', 'Lucía', 'lucia@shop.example'), ('lucia-2', 'Lucia', 'LUCIA@shop.example')
       RETURNING id::text`,
    );
    expect((await marketer.send('POST', `/api/v1/customers/${lucia}/merge`, { absorbedId: duplicate })).status).toBe(200);
    expect(await marketer.rows(`SELECT action, subject, details FROM audit_log WHERE action = 'customers.merged'`)).toEqual([
      { action: 'customers.merged', subject: `customer ${lucia}`, details: { absorbedId: duplicate } },
    ]);
  });
});
