import { IngestionService } from '@marea/engine/ingestion';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from './postgres-ingestion-store';

describe('customers in PostgreSQL', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const query = (text: string, params: unknown[] = []) => db().dataSource.query(text, params);

  beforeAll(async () => {
    await ingestion().upsertCustomFields([
      { key: 'vip', label: 'VIP', type: 'boolean' },
      { key: 'shoe_size', label: 'Shoe size', type: 'number' },
    ]);
  });

  it('creates, then reports a repeat as unchanged without rewriting the row', async () => {
    const batch = [
      { externalId: 'c-1', firstName: 'Ana', email: 'Ana@Example.com', phone: '+34 600 111 222', tags: ['eco', 'eco', 'bio'] },
      { externalId: 'c-2', firstName: 'Luis', attributes: { vip: true } },
    ];
    const first = await ingestion().upsertCustomers(batch);
    expect(first).toMatchObject({ received: 2, created: 2, rejected: 0 });
    const [before] = await query(`SELECT updated_at, xmin::text FROM customers WHERE external_id = 'c-1'`);

    const second = await ingestion().upsertCustomers(batch);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const [after] = await query(`SELECT updated_at, xmin::text, tags FROM customers WHERE external_id = 'c-1'`);
    expect(after.xmin).toBe(before.xmin);
    expect(after.tags).toEqual(['eco', 'bio']);
  });

  it('keeps fields left out, clears fields sent as null, and merges custom fields', async () => {
    await ingestion().upsertCustomers([{ externalId: 'c-3', firstName: 'Eva', city: 'Vigo', attributes: { vip: true, shoe_size: 38 } }]);
    const result = await ingestion().upsertCustomers([{ externalId: 'c-3', city: null, attributes: { shoe_size: null } }]);
    expect(result.items[0].outcome).toBe('updated');
    const [row] = await query(`SELECT first_name, city, attributes FROM customers WHERE external_id = 'c-3'`);
    expect(row).toEqual({ first_name: 'Eva', city: null, attributes: { vip: true } });
  });

  it('keeps identities in step with the email and phone', async () => {
    await ingestion().upsertCustomers([{ externalId: 'c-4', email: 'old@example.com', phone: '+34 (600) 333-444' }]);
    await ingestion().upsertCustomers([{ externalId: 'c-4', email: 'New@Example.com' }]);
    const identities = await query(
      `SELECT kind, value FROM customer_identities ci JOIN customers c ON c.id = ci.customer_id
       WHERE c.external_id = 'c-4' ORDER BY kind`,
    );
    expect(identities).toEqual([
      { kind: 'email', value: 'new@example.com' },
      { kind: 'external_id', value: 'c-4' },
      { kind: 'phone', value: '+34600333444' },
    ]);
  });

  it('creates the manager a customer names, once, as a user with the role manager', async () => {
    const result = await ingestion().upsertCustomers([
      { externalId: 'c-5', managerEmail: 'Marta@Shop.example' },
      { externalId: 'c-6', managerEmail: 'marta@shop.example' },
    ]);
    expect(result.referencesCreated).toEqual({ customers: 0, products: 0, managers: 1 });
    const managers = await query(
      `SELECT u.email, u.role, count(c.id)::int AS customers FROM users u JOIN customers c ON c.manager_id = u.id GROUP BY 1, 2`,
    );
    expect(managers).toEqual([{ email: 'marta@shop.example', role: 'manager', customers: 2 }]);
  });

  it('rejects values that do not fit their custom field and stores nothing of that customer', async () => {
    const result = await ingestion().upsertCustomers([
      { externalId: 'c-7', attributes: { shoe_size: 'large' } },
      { externalId: 'c-8', attributes: { loyalty: 3 } },
      { externalId: 'c-9', attributes: { vip: false } },
    ]);
    expect(result.items.map((item) => item.outcome)).toEqual(['rejected', 'rejected', 'created']);
    expect(result.items[0].errors?.[0]).toMatchObject({ path: 'items[0].attributes.shoe_size' });
    expect(result.items[1].errors?.[0].message).toMatch(/no custom field "loyalty"/);
    const [{ count }] = await query(`SELECT count(*)::int AS count FROM customers WHERE external_id IN ('c-7', 'c-8')`);
    expect(count).toBe(0);
  });

  it('settles concurrent batches that create the same customers', async () => {
    const batch = (name: string) => Array.from({ length: 50 }, (_, i) => ({ externalId: `race-${i}`, firstName: name }));
    const results = await Promise.all([ingestion().upsertCustomers(batch('A')), ingestion().upsertCustomers(batch('B'))]);
    expect(results.map((r) => r.rejected)).toEqual([0, 0]);
    const [{ count }] = await query(`SELECT count(*)::int AS count FROM customers WHERE external_id LIKE 'race-%'`);
    expect(count).toBe(50);
    const [{ identities }] = await query(
      `SELECT count(*)::int AS identities FROM customer_identities WHERE kind = 'external_id' AND value LIKE 'race-%'`,
    );
    expect(identities).toBe(50);
  });
});
