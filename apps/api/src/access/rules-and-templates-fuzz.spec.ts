import * as fc from 'fast-check';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/**
 * Segment rules and message templates arrive from browsers and integrators as JSON. Whatever
 * they hold — hostile keys, huge strings, deep nesting, wrong types, template syntax aimed at
 * the prototype — the API answers 2xx or 4xx, never 5xx, and a refused request stores nothing.
 * (The domain's own property tests cover the validator and the renderer; this covers the
 * routes around them.)
 */
const TABLES = ['segments', 'automations', 'automation_versions', 'outbox_messages', 'customers'];

const EVERYONE = { version: 1, match: 'all', conditions: [] };
const RULE = {
  version: 1,
  match: 'all',
  conditions: [{ kind: 'customer_field', field: 'country', test: { op: 'in', values: ['ES'] } }],
};
const template = { subject: 'Hi {{customer.firstName}}', html: '<p>Hi {{customer.firstName}}</p>', text: 'Hi' };
const automation = (mail: unknown) => ({
  name: 'Fuzzed',
  definition: {
    version: 1,
    trigger: { kind: 'once', at: '2030-01-01T00:00:00Z', audience: EVERYONE },
    start: 'mail',
    steps: { mail: { kind: 'action', action: { kind: 'email', template: mail }, next: 'done' }, done: { kind: 'exit' } },
  },
});

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf');
const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'x'.repeat(length));
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), hugeString, fc.constant(`x'); DROP TABLE customers; --`));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 4 }),
})).node;
/** Groups nested thousands deep, as JSON text (too deep for JSON.stringify on a test's stack). */
const deepNesting = fc
  .integer({ min: 100, max: 3_000 })
  .map((depth) => `{"version":1,"match":"all","conditions":[${'{"kind":"group","match":"all","conditions":['.repeat(depth)}${JSON.stringify(RULE.conditions[0])}${']}'.repeat(depth)}]}`);
/** `{"__proto__": …}` as JSON text would carry it (an object literal would set the prototype instead). */
const withHostileKey = (base: object) =>
  fc.tuple(hostileKey, value).map(([name, payload]) => ({ ...base, ...JSON.parse(`{"${name}":${JSON.stringify(payload) ?? 'null'}}`) }));

/** A rule as JSON text. */
const rule = fc.oneof(
  deepNesting,
  fc.oneof(value, withHostileKey(RULE), fc.record({ version: value, match: value, conditions: value }, { requiredKeys: [] })).map((sent) => JSON.stringify(sent) ?? 'null'),
);

/** Template text built from Handlebars pieces, the published prototype payloads among them. */
const templateText = fc
  .array(
    fc.constantFrom(
      'Hi ', '{{', '}}', '{{{', '}}}', '{{customer.firstName}}', '{{constructor}}', '{{__proto__}}', '{{lookup this "constructor"}}',
      '{{#with "s" as |string|}}', '{{/with}}', '{{#with split as |conslist|}}', '{{this.pop}}', '{{this.push (lookup string.sub "constructor")}}',
      '{{#each conslist}}', '{{/each}}', '{{#if a}}', '{{/if}}', '{{> partial}}', '{{money x}}', '{{date x "long"}}', '<script>', '&',
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));
const mail = fc.oneof(
  fc.record({ subject: templateText, html: templateText, text: templateText }),
  fc.record({ subject: value, html: value, text: value }, { requiredKeys: [] }),
  withHostileKey(template),
  value,
);

describe('segment rules and message templates under hostile input (fast-check)', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await api.count(table)])));

  beforeAll(async () => {
    api = await startApi(db(), { BODY_LIMIT: '1mb' }, { as: 'marketer' });
    await api.rows(`INSERT INTO customers (external_id, first_name, email, country) VALUES ('ana', 'Ana', 'ana@shop.test', 'ES')`);
  });
  afterAll(() => api?.close());
  afterEach(() => {
    // The server runs in this process: a prototype polluted by a request would show here.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((globalThis as Record<string, unknown>)['__mareaPwned']).toBeUndefined();
  });

  it('answers any segment rule with a segment or its problems, never 5xx, and stores nothing it refused', async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(rule, fc.boolean(), async (sent, save) => {
        const before = await counts();
        const answer = save
          ? await api.sendRaw('/api/v1/segments', `{"code":"fuzzed-${(created += 1)}","name":"Fuzzed","kind":"static","rule":${sent}}`)
          : await api.sendRaw('/api/v1/segments/preview', `{"rule":${sent}}`);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.body.error.code).toEqual(expect.any(String));
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
  }, 300_000);

  it('answers any message template with an automation, a preview or their problems, never 5xx, and stores nothing it refused', async () => {
    const [{ id: ana }] = await api.rows<{ id: string }>(`SELECT id::text FROM customers WHERE external_id = 'ana'`);
    await fc.assert(
      fc.asyncProperty(mail, fc.boolean(), async (sent, save) => {
        const before = await counts();
        const answer = save
          ? await api.send('POST', '/api/v1/automations', automation(sent))
          : await api.send('POST', '/api/v1/automations/preview', { definition: automation(sent).definition, stepId: 'mail', customerId: ana });
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(await counts()).toEqual(before);
        if (answer.status === 200) expect(JSON.stringify(answer.body)).not.toMatch(/function|\[native code\]/);
      }),
      { numRuns: 120 },
    );
  }, 300_000);
});
