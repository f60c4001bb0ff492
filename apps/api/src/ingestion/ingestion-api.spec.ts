import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

describe('the batch ingestion API', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
  });
  afterAll(() => api?.close());

  it('stores a shop sent route by route, and the same batches sent again are all unchanged', async () => {
    const batches: [string, unknown[]][] = [
      ['stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]],
      ['custom-fields', [{ key: 'vip', label: 'VIP', type: 'boolean' }]],
      ['customers', [{ externalId: 'c-1', firstName: 'Ana', email: 'ana@example.com', attributes: { vip: true } }]],
      ['products', [{ externalId: 'sku-1', name: 'Maceta', price: 5, categories: ['Jardín y exterior > Macetas'] }]],
      ['orders', [{ externalId: 'o-1', customerExternalId: 'c-1', storeExternalId: 'web', orderedAt: '2025-03-01T10:00:00Z', lines: [{ sku: 'sku-1', quantity: 2, unitPrice: 5 }] }]],
      ['events', [{ externalId: 'e-1', customerExternalId: 'c-1', type: 'add_to_cart', occurredAt: '2025-03-01T09:00:00Z', properties: { sku: 'sku-1' } }]],
      ['consents', [{ customerExternalId: 'c-1', channel: 'email', status: 'given', changedAt: '2025-03-01T09:00:00Z', source: 'checkout' }]],
    ];
    const tables = ['stores', 'custom_fields', 'customers', 'customer_identities', 'products', 'categories', 'orders', 'order_lines', 'events', 'carts', 'cart_items', 'consents', 'consent_changes'];
    for (const [resource, items] of batches) {
      const { status, body } = await api.batch(resource, items);
      expect({ resource, status, created: body.created }).toEqual({ resource, status: 200, created: 1 });
    }
    const counts = await Promise.all(tables.map((table) => api.count(table)));
    for (const [resource, items] of batches) {
      const { body } = await api.batch(resource, items);
      expect({ resource, unchanged: body.unchanged, created: body.created, updated: body.updated }).toEqual({ resource, unchanged: 1, created: 0, updated: 0 });
    }
    expect(await Promise.all(tables.map((table) => api.count(table)))).toEqual(counts);
  });
});
