import * as fc from 'fast-check';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

const ROUTES = ['stores', 'currency-rates', 'custom-fields', 'customers', 'products', 'orders', 'events', 'consents'] as const;
const TABLES = ['stores', 'currency_rates', 'custom_fields', 'customers', 'products', 'orders', 'order_lines', 'events', 'consents', 'users'];

/** Keys that attack object prototypes when copied naively, and the fields items really have. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const fieldKey = fc.constantFrom('externalId', 'email', 'lines', 'attributes', 'tags', 'customerExternalId', 'orderedAt', 'type', 'name');
const key = fc.oneof(hostileKey, fieldKey, fc.string({ maxLength: 12 }));

const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'ä'.repeat(length));
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), hugeString, fc.constant('1e309'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;

/** Nesting far deeper than any item, as an object or an array chain. */
const deepNesting = fc.integer({ min: 100, max: 3_000 }).map((depth) => {
  let nested: unknown = 'bottom';
  for (let level = 0; level < depth; level++) nested = level % 2 ? [nested] : { attributes: nested };
  return nested;
});

/** An item with a field replaced by a hostile or wrongly typed value, or a hostile key. */
const item = fc.oneof(
  value,
  deepNesting,
  fc.record({ externalId: fc.oneof(fc.string(), scalar), attributes: value, tags: value, lines: value }, { requiredKeys: [] }),
  fc.tuple(hostileKey, value).map(([name, payload]) => JSON.parse(`{"externalId":"x","${name}":${JSON.stringify(payload) ?? 'null'}}`)),
);
const body = fc.oneof(
  fc.record({ items: fc.array(item, { maxLength: 5 }) }),
  fc.tuple(hostileKey, value).map(([name, payload]) => JSON.parse(`{"items":[],"${name}":${JSON.stringify(payload) ?? 'null'}}`)),
  value,
);

/** Text that is JSON-like but broken: truncated, unbalanced, with stray bytes. */
const brokenJson = fc.oneof(
  fc.string(),
  fc.jsonValue().map((json) => JSON.stringify({ items: [json] }).slice(0, -1)),
  fc.constantFrom('{"items": [', '{"items": [}', '{"__proto__": ', '\u0000\u0001', '{"items":[{"externalId":"a",}]}', '[[[[[[[['),
);

describe('the ingestion API under malformed and hostile input (fast-check)', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await api.count(table)])));

  beforeAll(async () => {
    api = await startApi(db(), { BODY_LIMIT: '1mb', BATCH_LIMIT: '20' }, { as: { key: 'ingest' } });
  });
  afterAll(() => api?.close());
  afterEach(() => {
    // The server runs in this process: a prototype polluted by a request would show here.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('never answers 5xx to any JSON body, and stores nothing from a request or item it rejects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), body, async (route, sent) => {
        const before = await counts();
        const answer = await api.send('POST', `/api/v1/${route}`, sent);
        expect(answer.status).toBeLessThan(500);
        if (answer.status !== 200) {
          expect(await counts()).toEqual(before);
          return;
        }
        // A batch whose every item was rejected leaves the database as it was (no stray references).
        if (answer.body.rejected === answer.body.received) expect(await counts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('never answers 5xx to broken JSON text, and stores nothing from it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), brokenJson, async (route, text) => {
        const before = await counts();
        const answer = await api.sendRaw(`/api/v1/${route}`, text);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('rejects an item with a __proto__ key, naming the place, and stores nothing of it', async () => {
    const answer = await api.sendRaw(
      '/api/v1/customers',
      '{"items":[{"externalId":"proto-1","__proto__":{"polluted":true},"attributes":{"constructor":{"prototype":{"polluted":true}}}}]}',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items[0]).toMatchObject({ outcome: 'rejected', errors: expect.arrayContaining([expect.objectContaining({ path: 'items[0].__proto__' })]) });
    expect(await api.rows(`SELECT 1 FROM customers WHERE external_id = 'proto-1'`)).toEqual([]);
  });
});
