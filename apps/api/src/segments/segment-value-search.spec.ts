import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

describe('searching the long lists a segment rule may name, as the marketer types', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
    await api.batch('custom-fields', [{ key: 'tier', label: 'Loyalty tier', type: 'text' }]);
    await api.batch('products', [
      { externalId: 'TERRA-01', name: 'Terracotta pot' },
      { externalId: 'FERN-02', name: 'Boston fern in terracotta' },
      { externalId: 'HOSE-03', name: 'Garden hose' },
    ]);
    await api.batch('customers', [
      { externalId: 'c1', city: 'Madrid', tags: ['vip', 'gardener'], attributes: { tier: 'gold' } },
      { externalId: 'c2', city: 'Madrid', tags: ['vip'], attributes: { tier: 'silver' } },
      { externalId: 'c3', city: 'Málaga', tags: ['wholesale', 'v_i_p'], attributes: { tier: 'gold' } },
      { externalId: 'c4', city: 'Lisboa', tags: [] },
    ]);
  });
  afterAll(() => api?.close());

  const search = async (list: string, q: string) => {
    const answer = await api.send('GET', `/api/v1/segment-values/${list}?q=${encodeURIComponent(q)}`);
    expect(answer.status).toBe(200);
    return answer.body.items as { value: string; label: string }[];
  };

  it('finds products by the start of their SKU first, then by a word of their name, showing both', async () => {
    expect(await search('products', 'ter')).toEqual([
      { value: 'TERRA-01', label: 'TERRA-01 · Terracotta pot' },
      { value: 'FERN-02', label: 'FERN-02 · Boston fern in terracotta' },
    ]);
  });

  it('offers the tags customers have, the most common first, with % and _ typed as letters', async () => {
    expect((await search('tags', 'v')).map((match) => match.value)).toEqual(['vip', 'v_i_p']);
    expect((await search('tags', 'v_')).map((match) => match.value)).toEqual(['v_i_p']);
    expect((await search('tags', '')).map((match) => match.value)).toEqual(['vip', 'gardener', 'v_i_p', 'wholesale']);
  });

  it('offers the cities and the values of a text custom field, ignoring case', async () => {
    expect((await search('field.city', 'm')).map((match) => match.value)).toEqual(['Madrid', 'Málaga']);
    expect((await search('attributes.tier', 'G')).map((match) => match.value)).toEqual(['gold']);
  });

  it('refuses a list it does not know, naming it', async () => {
    const answer = await api.send('GET', '/api/v1/segment-values/field.email?q=a');
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([{ field: 'list', message: expect.stringContaining('needs products, tags') }]);
  });
});
