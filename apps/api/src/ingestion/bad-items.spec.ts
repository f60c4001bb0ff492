import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

const anOrder = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  customerExternalId: 'known',
  storeExternalId: 'web',
  orderedAt: '2025-03-01T10:00:00Z',
  lines: [{ sku: 'sku-1', quantity: 1, unitPrice: 10 }, { sku: 'sku-2', quantity: 2, unitPrice: 3 }],
  ...overrides,
});

interface BadItemCase {
  name: string;
  resource: string;
  items: unknown[];
  /** Index of the bad item, the place its error names and what it says. */
  rejected: { index: number; path: string; message: RegExp };
  /** The good item of the same batch that must be stored. */
  stored: { sql: string; row: Record<string, unknown> };
}

// Each bad item aims at a record stored before the batch: it must stay as it was.
const cases: BadItemCase[] = [
  {
    name: 'a wrong type',
    resource: 'customers',
    items: [{ externalId: 'known', firstName: 42 }, { externalId: 'good-1', firstName: 'Eva' }],
    rejected: { index: 0, path: 'items[0].firstName', message: /must be text, not a number/ },
    stored: { sql: `SELECT first_name FROM customers WHERE external_id = 'good-1'`, row: { first_name: 'Eva' } },
  },
  {
    name: 'an unknown field',
    resource: 'customers',
    items: [{ externalId: 'good-2' }, { externalId: 'known', firstName: 'Changed', nickname: 'Anita' }],
    rejected: { index: 1, path: 'items[1].nickname', message: /is not a known field/ },
    stored: { sql: `SELECT external_id FROM customers WHERE external_id = 'good-2'`, row: { external_id: 'good-2' } },
  },
  {
    name: 'a missing id',
    resource: 'products',
    items: [{ name: 'Nameless' }, { externalId: 'good-p', name: 'Rastrillo' }],
    rejected: { index: 0, path: 'items[0].externalId', message: /is required/ },
    stored: { sql: `SELECT name FROM products WHERE external_id = 'good-p'`, row: { name: 'Rastrillo' } },
  },
  {
    name: 'a duplicate id inside the batch',
    resource: 'customers',
    items: [{ externalId: 'dup', firstName: 'First' }, { externalId: 'dup', firstName: 'Second' }],
    rejected: { index: 1, path: 'items[1].externalId', message: /repeats items\[0\] of this batch/ },
    stored: { sql: `SELECT first_name FROM customers WHERE external_id = 'dup'`, row: { first_name: 'First' } },
  },
  {
    name: 'an impossible order date',
    resource: 'orders',
    items: [anOrder('known-order', { orderedAt: '2025-02-30T10:00:00Z' }), anOrder('good-o')],
    rejected: { index: 0, path: 'items[0].orderedAt', message: /2025-02-30.* is not a real date: February 2025 has 28 days/ },
    stored: { sql: `SELECT total FROM orders WHERE external_id = 'good-o'`, row: { total: '16.00' } },
  },
  {
    name: 'an impossible birth date',
    resource: 'customers',
    items: [{ externalId: 'known', birthDate: '2023-02-29' }, { externalId: 'good-3', birthDate: '2024-02-29' }],
    rejected: { index: 0, path: 'items[0].birthDate', message: /February 2023 has 28 days/ },
    stored: { sql: `SELECT birth_date::text FROM customers WHERE external_id = 'good-3'`, row: { birth_date: '2024-02-29' } },
  },
  {
    name: 'a negative quantity in a sale',
    resource: 'orders',
    items: [anOrder('good-o2'), anOrder('known-order', { lines: [{ sku: 'sku-1', quantity: 1, unitPrice: 10 }, { sku: 'sku-2', quantity: -2, unitPrice: 3 }] })],
    rejected: { index: 1, path: 'items[1].lines[1].quantity', message: /must be positive in a sale.*kind "return"/ },
    stored: { sql: `SELECT item_quantity FROM orders WHERE external_id = 'good-o2'`, row: { item_quantity: '3.000' } },
  },
  {
    name: 'a positive quantity in a return',
    resource: 'orders',
    items: [anOrder('ret-1', { kind: 'return' }), anOrder('good-r', { kind: 'return', lines: [{ sku: 'sku-1', quantity: -1, unitPrice: 10 }] })],
    rejected: { index: 0, path: 'items[0].lines[0].quantity', message: /must be negative in a return/ },
    stored: { sql: `SELECT total FROM orders WHERE external_id = 'good-r'`, row: { total: '-10.00' } },
  },
  {
    name: 'an unknown currency',
    resource: 'orders',
    items: [anOrder('known-order', { currency: 'XYZ' }), anOrder('good-o3', { currency: 'EUR' })],
    rejected: { index: 0, path: 'items[0].currency', message: /not a known ISO 4217 currency/ },
    stored: { sql: `SELECT currency FROM orders WHERE external_id = 'good-o3'`, row: { currency: 'EUR' } },
  },
  {
    name: 'a currency without an exchange rate',
    resource: 'orders',
    items: [anOrder('known-order', { currency: 'USD' }), anOrder('good-o4')],
    rejected: { index: 0, path: 'items[0].currency', message: /no exchange rate from USD to the account currency EUR on or before 2025-03-01/ },
    stored: { sql: `SELECT fx_rate::float8 AS fx FROM orders WHERE external_id = 'good-o4'`, row: { fx: 1 } },
  },
  {
    name: 'an unknown store',
    resource: 'orders',
    items: [anOrder('good-o5'), anOrder('known-order', { storeExternalId: 'mars' })],
    rejected: { index: 1, path: 'items[1].storeExternalId', message: /there is no store "mars"; create it first with POST \/api\/v1\/stores/ },
    stored: { sql: `SELECT external_id FROM orders WHERE external_id = 'good-o5'`, row: { external_id: 'good-o5' } },
  },
  {
    name: 'a total that does not add up',
    resource: 'orders',
    items: [anOrder('known-order', { total: 99 }), anOrder('good-o6', { total: 16 })],
    rejected: { index: 0, path: 'items[0].total', message: /is 99.00 but the order adds up to 16.00/ },
    stored: { sql: `SELECT total FROM orders WHERE external_id = 'good-o6'`, row: { total: '16.00' } },
  },
  {
    name: 'a custom field of the wrong type',
    resource: 'customers',
    items: [{ externalId: 'known', attributes: { vip: 'yes' } }, { externalId: 'good-4', attributes: { vip: true } }],
    rejected: { index: 0, path: 'items[0].attributes.vip', message: /must be true or false/ },
    stored: { sql: `SELECT attributes FROM customers WHERE external_id = 'good-4'`, row: { attributes: { vip: true } } },
  },
];

describe('bad items in a batch', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  const snapshot = () =>
    Promise.all([
      api.rows(`SELECT * FROM customers WHERE external_id = 'known'`),
      api.rows(`SELECT o.*, (SELECT json_agg(l ORDER BY line_no) FROM order_lines l WHERE l.order_id = o.id) AS lines FROM orders o WHERE external_id = 'known-order'`),
      api.rows(`SELECT * FROM stores`),
    ]);

  beforeAll(async () => {
    api = await startApi(db());
    await api.batch('stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
    await api.batch('custom-fields', [{ key: 'vip', label: 'VIP', type: 'boolean' }]);
    await api.batch('customers', [{ externalId: 'known', firstName: 'Ana', birthDate: '1990-05-01', attributes: { vip: false } }]);
    const { body } = await api.batch('orders', [anOrder('known-order')]);
    expect(body.created).toBe(1);
  });
  afterAll(() => api?.close());

  it.each(cases)('$name: rejected at its place, stored data intact, the good item stored', async ({ resource, items, rejected, stored }) => {
    const before = await snapshot();
    const { status, body } = await api.batch(resource, items);

    expect(status).toBe(200);
    expect(body).toMatchObject({ received: items.length, rejected: 1 });
    const item = body.items[rejected.index];
    expect(item.outcome).toBe('rejected');
    expect(item.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: rejected.path, message: expect.stringMatching(rejected.message) })]));
    expect(await snapshot()).toEqual(before);
    expect(await api.rows(stored.sql)).toEqual([stored.row]);
  });

  it('keeps "__proto__" and "constructor" keys harmless', async () => {
    const text =
      '{"items": [' +
      '{"externalId": "proto", "attributes": {"__proto__": {"polluted": true}}},' +
      '{"externalId": "ctor", "name": "Ctor", "attributes": {"constructor": "x", "brand": "B"}}]}';
    const customers = await api.sendRaw('/api/v1/customers', text.replace(',{"externalId": "ctor", "name": "Ctor", "attributes": {"constructor": "x", "brand": "B"}}', ''));
    expect(customers.body.items[0]).toMatchObject({ outcome: 'rejected', errors: [{ path: 'items[0].attributes.__proto__' }] });
    const products = await api.sendRaw('/api/v1/products', text.replace('{"externalId": "proto", "attributes": {"__proto__": {"polluted": true}}},', ''));
    expect(products.body.items[0].outcome).toBe('created');
    expect(await api.rows(`SELECT attributes FROM products WHERE external_id = 'ctor'`)).toEqual([{ attributes: { constructor: 'x', brand: 'B' } }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const unknownField = await api.batch('customers', [{ externalId: 'ctor-2', attributes: { constructor: 1 } }]);
    expect(unknownField.body.items[0].errors[0].message).toMatch(/there is no custom field "constructor"/);
  });
});
