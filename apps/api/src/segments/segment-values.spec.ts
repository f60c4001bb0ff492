import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

describe('the names a segment rule may use, for the rule builder', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
    await api.batch('stores', [
      { externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' },
      { externalId: 'madrid', name: 'Madrid', channel: 'store', currency: 'EUR' },
    ]);
    await api.batch('custom-fields', [{ key: 'shoe_size', label: 'Shoe size', type: 'number' }]);
    await api.batch('products', [{ externalId: 'fern', name: 'Fern', categories: ['Jardín > Plantas'] }]);
  });
  afterAll(() => api?.close());

  it('lists the stores, custom fields and every level of the categories the shop has', async () => {
    const answer = await api.send('GET', '/api/v1/segment-values');
    expect(answer.status).toBe(200);
    expect(answer.body.stores).toEqual(['madrid', 'web']);
    expect(answer.body.customFields).toEqual([{ key: 'shoe_size', label: 'Shoe size', type: 'number' }]);
    expect(answer.body.categories).toEqual(['Jardín', 'Jardín > Plantas']);
    expect(typeof answer.body.timeZone).toBe('string');
  });
});
