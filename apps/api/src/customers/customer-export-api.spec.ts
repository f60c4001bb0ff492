import { create } from 'xmlbuilder2';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { pushCustomerShop } from './testing/customer-shop';

describe("exporting everything held about a customer", () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia } = await pushCustomerShop(api));
  });
  afterAll(() => api?.close());

  const download = (format: string) => fetch(`${api.url}/api/v1/customers/${lucia}/export?format=${format}`, { headers: api.credentials });

  it('gives every row of every table that belongs to the customer, with order lines and cart items, as JSON', async () => {
    const response = await download('json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`customer-${lucia}.json`);
    const data = await response.json();
    expect(data.profile).toMatchObject({ external_id: 'CRM-1001', first_name: 'Lucía', email: 'Lucia.Garcia@Example.com' });
    const rows = Object.fromEntries(data.tables.map((t: { table: string; rows: unknown[] }) => [t.table, t.rows.length]));

    const owned = await api.rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'customer_id'
         AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`,
    );
    for (const { table_name } of owned) {
      const [{ count }] = await api.rows<{ count: number }>(`SELECT count(*)::int AS count FROM ${table_name} WHERE customer_id = $1`, [lucia]);
      expect({ table: table_name, rows: rows[table_name] ?? 0 }).toEqual({ table: table_name, rows: count });
    }
    expect(rows).toMatchObject({ orders: 2, order_lines: 3, consent_changes: 3, favourites: 1 });
    expect(rows['cart_items']).toBeGreaterThan(0);
  });

  it('gives the same content as XML that parses', async () => {
    const response = await download('xml');
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = create(await response.text()).end({ format: 'object' }) as { 'customer-data': { profile: Record<string, string>; table: { '@name': string }[] } };
    expect(xml['customer-data'].profile['external_id']).toBe('CRM-1001');
    expect(xml['customer-data'].table.map((t) => t['@name'])).toEqual(expect.arrayContaining(['orders', 'order_lines', 'events', 'consents']));
  });

  it('gives a page a person can read, where stored text cannot turn into markup', async () => {
    await api.batch('customers', [{ externalId: 'CRM-1001', lastName: '<script>alert(1)</script>' }]);
    const response = await download('html');
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('<h1>Data held about Lucía &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<h2>Orders (2)</h2>');
  });

  it('refuses an unknown format, naming it, and records each export in the audit log', async () => {
    const refused = await api.send('GET', `/api/v1/customers/${lucia}/export?format=pdf`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'format', message: 'must be one of json, xml, html' }] });
    const audit = await api.rows(`SELECT 1 FROM audit_log WHERE action = 'customers.exported' AND subject = $1`, [`customer ${lucia}`]);
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
