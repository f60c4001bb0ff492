import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { ImportApiClient } from '../imports/testing/import-api-client';
import { pushCustomerShop } from './testing/customer-shop';

/** Every personal string Lucía was known by, in the forms they were written. */
const LUCIA = ['Lucía', 'García Núñez', 'lucia.garcia@example.com', '+34 600 123 456', '600123456', 'CRM-1001', 'SHOP-77', 'lucia.g@example.com', 'Luci García'];

/** The whole database as text, table by table, every schema but the system catalogues. */
async function dumpDatabase(api: ApiUnderTest): Promise<Map<string, string>> {
  const tables = await api.rows<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const dump = new Map<string, string>();
  for (const { name } of tables) {
    const rows = await api.rows<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    dump.set(name, rows.map((r) => r.row).join('\n'));
  }
  return dump;
}

function mentions(dump: Map<string, string>, strings: string[]): string[] {
  const found: string[] = [];
  for (const [table, text] of dump) {
    const lower = text.toLowerCase();
    for (const s of strings) if (lower.includes(s.toLowerCase())) found.push(`${table}: ${s}`);
  }
  return found;
}

describe('erasing a customer (right to be forgotten)', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;
  let revenue: string;
  let orders: number;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia } = await pushCustomerShop(api));
    // Her trail elsewhere: a duplicate merged into her, a rejected CSV row, a task about her, a suppressed address.
    await api.batch('customers', [{ externalId: 'SHOP-77', firstName: 'Luci', lastName: 'García', email: 'lucia.g@example.com' }]);
    const [{ id: duplicate }] = await api.rows<{ id: string }>(`SELECT id::text FROM customers WHERE external_id = 'SHOP-77'`);
    expect((await api.send('POST', `/api/v1/customers/${lucia}/merge`, { absorbedId: duplicate })).status).toBe(200);
    const imports = new ImportApiClient(api.url, api.credentials);
    const job = await imports.importFile({ entity: 'customers', file: 'externalId,email,birthDate\nCRM-1001,lucia.garcia@example.com,not-a-date\n' });
    expect(job.rejectedRows).toBe(1);
    const task = await api.send('POST', '/api/v1/tasks', { customerId: lucia, title: 'Call Lucía García Núñez', dueAt: '2026-12-01T10:00:00Z' });
    expect(task.status).toBe(201);
    // A bounce once put her address on the suppression list.
    await api.rows(`INSERT INTO suppressions (channel, address, reason) VALUES ('email', 'lucia.garcia@example.com', 'hard bounce: 550 user unknown')`);
    expect(mentions(await dumpDatabase(api), LUCIA).length).toBeGreaterThan(10);

    [{ revenue }] = await api.rows<{ revenue: string }>(`SELECT sum(total_account)::text AS revenue FROM orders`);
    orders = await api.count('orders');
    const erased = await api.send('POST', `/api/v1/customers/${lucia}/erasure`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ customerId: lucia, removedRows: expect.any(Number) });
  });
  afterAll(() => api?.close());

  it('leaves none of her personal strings anywhere in the database', async () => {
    expect(mentions(await dumpDatabase(api), LUCIA)).toEqual([]);
  });

  it('keeps her orders on an anonymous record, so revenue totals do not change', async () => {
    expect(await api.count('orders')).toBe(orders);
    const [{ total }] = await api.rows<{ total: string }>(`SELECT sum(total_account)::text AS total FROM orders`);
    expect(total).toBe(revenue);
    const [record] = await api.rows(`SELECT external_id, first_name, email, erased_at IS NOT NULL AS erased FROM customers WHERE id = $1`, [lucia]);
    expect(record).toEqual({ external_id: `erased-${lucia}`, first_name: null, email: null, erased: true });
  });

  it('refuses data naming her later, by external id, email or phone, instead of bringing her back', async () => {
    const customers = await api.batch('customers', [
      { externalId: 'CRM-1001', firstName: 'Lucía' },
      { externalId: 'NEW-1', email: 'LUCIA.GARCIA@example.com' },
      { externalId: 'NEW-2', phone: '+34600123456' },
      { externalId: 'NEW-3', email: 'someone.else@example.com' },
    ]);
    expect(customers.body).toMatchObject({ rejected: 3, created: 1 });
    expect(customers.body.items[0].errors[0]).toMatchObject({ field: 'externalId', message: expect.stringContaining('right to be forgotten') });
    const order = await api.batch('orders', [
      { externalId: 'o-9', customerExternalId: 'SHOP-77', storeExternalId: 'web', orderedAt: '2025-07-01T10:00:00Z', lines: [{ sku: 'sku-maceta', quantity: 1, unitPrice: 12.5 }] },
    ]);
    expect(order.body.items[0]).toMatchObject({ outcome: 'rejected', errors: [{ field: 'customerExternalId' }] });
    const event = await api.batch('events', [{ externalId: 'e-9', customerExternalId: 'CRM-1001', type: 'page_view', occurredAt: '2025-07-01T10:00:00Z' }]);
    expect(event.body.items[0]).toMatchObject({ outcome: 'rejected', errors: [{ field: 'customerExternalId' }] });
    const consent = await api.batch('consents', [{ customerExternalId: 'CRM-1001', channel: 'email', status: 'given', changedAt: '2025-07-01T10:00:00Z', source: 'form' }]);
    expect(consent.body).toMatchObject({ rejected: 1 });
    expect(mentions(await dumpDatabase(api), LUCIA)).toEqual([]);
  });

  it('answers a second erasure without doing anything, and keeps erasure for admins', async () => {
    const again = await api.send('POST', `/api/v1/customers/${lucia}/erasure`);
    expect(again.body).toMatchObject({ removedRows: 0 });
    const marketer = await api.as('marketer');
    expect((await marketer.send('POST', `/api/v1/customers/${lucia}/erasure`)).status).toBe(403);
    expect(await api.rows(`SELECT 1 FROM audit_log WHERE action = 'customer.erased'`)).toHaveLength(1);
  });
});
