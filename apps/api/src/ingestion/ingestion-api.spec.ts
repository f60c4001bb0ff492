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

describe('the OpenAPI description of ingestion', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
  });
  afterAll(() => api?.close());

  it('gives every batch route its item schema and the BatchResult, generated from the contracts', async () => {
    const { body: document } = await api.send('GET', '/api/openapi.json');
    const resolve = (schema: { $ref?: string }) => (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema);
    const itemFields: Record<string, string> = {
      stores: 'channel', 'currency-rates': 'rate', 'custom-fields': 'type', customers: 'managerEmail',
      products: 'categories', orders: 'lines', events: 'occurredAt', consents: 'changedAt',
    };
    for (const [resource, field] of Object.entries(itemFields)) {
      const operation = document.paths[`/api/v1/${resource}`].post;
      const request = resolve(operation.requestBody.content['application/json'].schema);
      const item = resolve(request.properties.items.items);
      expect({ resource, fields: Object.keys(item.properties) }).toEqual({ resource, fields: expect.arrayContaining([field]) });
      const answer = resolve(operation.responses['200'].content['application/json'].schema);
      expect(Object.keys(answer.properties)).toEqual(expect.arrayContaining(['received', 'created', 'updated', 'unchanged', 'rejected', 'items']));
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '413']));
    }
    expect(Object.keys(document.paths['/api/v1/account'])).toEqual(expect.arrayContaining(['get', 'put']));
  });
});
