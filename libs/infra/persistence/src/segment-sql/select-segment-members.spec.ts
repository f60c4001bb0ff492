import type { SegmentRuleInput } from '@marea/contracts';
import { compileSegmentRule, evaluateSegmentRule, parseSegmentRule, type ReferenceShop } from '@marea/domain/segments';
import { useTestDatabase } from '@marea/testing';
import { aCustomer, emptyShop } from './differential/empty-shop';
import { insertReferenceShop } from './differential/insert-reference-shop';
import { readSegmentCatalogue } from './read-segment-catalogue';
import { selectSegmentMembers } from './select-segment-members';

/** 2 January 2026, 11:00 in Madrid. */
const now = new Date('2026-01-02T10:00:00Z');

/** Four customers of a garden shop whose answers to each rule below are worked out by hand. */
function gardenShop(): ReferenceShop {
  const shop = emptyShop('Europe/Madrid');
  const line = (productId: number, total: string, quantity = '1') => ({ productId, quantity, total, tax: '0', cost: null });
  shop.customers = [
    aCustomer(1, { firstName: 'Lucía', birthDate: '1990-12-20', city: 'Madrid', tags: ['vip'], email: 'lucia@example.com', managerId: 1 }),
    aCustomer(2, { firstName: 'Piotr', birthDate: '1985-01-03' }),
    aCustomer(3, { firstName: 'Ana', birthDate: '1970-12-01', city: 'Moscú' }),
    aCustomer(4, { firstName: 'Marta', birthDate: '2000-01-04', city: 'Barcelona' }),
  ];
  const order = { channel: 'ecommerce', status: 'completed', margin: null, fxRate: '1' } as const;
  shop.orders = [
    // Lucía: a fern in Madrid at 23:30 and a pan in Kraków at 21:00 on 30 December are one ticket.
    { ...order, id: 1, customerId: 1, storeId: 1, kind: 'sale', orderedAt: '2025-12-30T22:30:00Z', total: '100', lines: [line(3, '100')] },
    { ...order, id: 2, customerId: 1, storeId: 2, kind: 'sale', orderedAt: '2025-12-30T20:00:00Z', total: '50', lines: [line(2, '50')] },
    { ...order, id: 3, customerId: 1, storeId: 1, kind: 'return', orderedAt: '2025-12-31T10:00:00Z', total: '-30', lines: [line(3, '-30', '-0.3')] },
    { ...order, id: 4, customerId: 1, storeId: 1, kind: 'sale', status: 'cancelled', orderedAt: '2025-12-31T11:00:00Z', total: '999', lines: [line(2, '999')] },
    // Piotr: 200 PLN at 0.25 in June, 20 EUR in December: two tickets, 70 EUR.
    { ...order, id: 5, customerId: 2, storeId: 2, kind: 'sale', orderedAt: '2025-06-01T10:00:00Z', total: '200', fxRate: '0.25', lines: [line(5, '200')] },
    { ...order, id: 6, customerId: 2, storeId: 1, kind: 'sale', orderedAt: '2025-12-01T10:00:00Z', total: '20', lines: [line(1, '20')] },
  ];
  shop.events = [
    { id: 1, customerId: 4, type: 'add_to_cart', occurredAt: '2025-12-28T10:00:00Z', properties: { category: 'Plantas', price: 12 } },
    { id: 2, customerId: 4, type: 'add_to_cart', occurredAt: '2026-01-01T10:00:00Z', properties: { category: 'Plantas', price: 8 } },
    { id: 3, customerId: 1, type: 'add_to_cart', occurredAt: '2026-01-01T10:00:00Z', properties: { category: 'Plantas' } },
    { id: 4, customerId: 1, type: 'add_to_cart', occurredAt: '2025-11-01T10:00:00Z', properties: { category: 'Plantas' } },
  ];
  shop.consents = [{ customerId: 1, channel: 'email', status: 'given' }, { customerId: 2, channel: 'email', status: 'withdrawn' }];
  shop.metrics = [
    { customerId: 2, rfmSegment: 'champions', rfmRecency: 5, rfmFrequency: 4, rfmMonetary: 3, rfmMargin: 1, clvState: null, predictedClv: null, primaryAffinity: 'Jardín' },
  ];
  shop.memberships = [
    { segmentId: 1, customerId: 1, enteredAt: '2025-01-01T00:00:00Z', exitedAt: null },
    { segmentId: 1, customerId: 2, enteredAt: '2025-01-01T00:00:00Z', exitedAt: '2025-06-01T00:00:00Z' },
  ];
  return shop;
}

const rule = (...conditions: SegmentRuleInput['conditions']): SegmentRuleInput => ({ version: 1, match: 'all', conditions });

const scenarios: [string, SegmentRuleInput, number[]][] = [
  ['birthday between 2 December and 3 January, across the year end', rule({ kind: 'customer_field', field: 'birth_date', test: { op: 'anniversary_between', from: '12-02', to: '01-03' } }), [1, 2]],
  ['birthday in the next 3 days (2–5 January)', rule({ kind: 'customer_field', field: 'birth_date', test: { op: 'anniversary_in_days', from: 0, to: 3 } }), [2, 4]],
  ['two purchases on one local day are one ticket; returns and cancelled orders are none', rule({ kind: 'order_aggregate', aggregate: 'count', test: { op: 'gte', value: 2 } }), [2]],
  ['spend is net of returns, in the account currency', rule({ kind: 'order_aggregate', aggregate: 'sum', test: { op: 'equals', value: 120 } }), [1]],
  ['spend in a category takes its subcategories, not a category that merely starts alike',
    rule({ kind: 'order_aggregate', aggregate: 'sum', filter: { categories: { include: ['Jardín'], exclude: [] } }, test: { op: 'gte', value: 70 } }), [1]],
  ['average ticket', rule({ kind: 'order_aggregate', aggregate: 'average', test: { op: 'equals', value: 35 } }), [2]],
  ['never seen a city is not being in Moscow', rule({ kind: 'customer_field', field: 'city', test: { op: 'not_in', values: ['Moscú'] } }), [1, 2, 4]],
  ['a negated group: never bought kitchenware', rule({ kind: 'group', match: 'all', negate: true, conditions: [{ kind: 'purchased', bought: true, filter: { categories: { include: ['Hogar > Cocina'], exclude: [] } } }] }), [2, 3, 4]],
  ['added plants to the cart at least twice in the last 7 days',
    rule({ kind: 'event', eventType: 'add_to_cart', times: { op: 'at_least', count: 2 }, window: { op: 'in_last_days', days: 7 }, properties: [{ key: 'category', type: 'text', test: { op: 'equals', value: 'Plantas' } }] }), [4]],
  ['a current member of another segment, not a former one', rule({ kind: 'segment', member: true, code: 'vip' }), [1]],
  ['not a member of another segment', rule({ kind: 'segment', member: false, code: 'vip' }), [2, 3, 4]],
  ['RFM segment from the customer metrics', rule({ kind: 'metric', metric: 'rfm_segment', test: { op: 'in', values: ['champions', 'loyal'] } }), [2]],
  ['store of the first purchase, by the instant of the purchase', rule({ kind: 'first_purchase_store', test: { op: 'equals', value: 'pl-krakow' } }), [1, 2]],
  ['email consent given, or never asked', { version: 1, match: 'any', conditions: [{ kind: 'consent', channel: 'email', status: 'given' }, { kind: 'consent', channel: 'email', status: 'unknown' }] }, [1, 3, 4]],
  ['last purchase in the last month (December 2025)', rule({ kind: 'purchase_date', which: 'last', test: { op: 'last_month' } }), [1, 2]],
];

describe('segment members selected by the compiled SQL', () => {
  const db = useTestDatabase();
  const shop = gardenShop();

  beforeAll(async () => {
    await insertReferenceShop(db().dataSource, shop);
  });

  const planned = scenarios.flatMap(([name, input, expected]) =>
    (['per-customer', 'whole-base'] as const).map((plan) => [name, plan, input, expected] as const),
  );

  it.each(planned)('%s (%s)', async (_, plan, input, expected) => {
    const catalogue = await readSegmentCatalogue(db().dataSource);
    const compiled = compileSegmentRule(input, { now, catalogue, plan });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(await selectSegmentMembers(db().dataSource, compiled)).toEqual(expected.map(String));
    const parsed = parseSegmentRule(input);
    if ('problems' in parsed) throw new Error('unreachable');
    expect(evaluateSegmentRule(parsed.rule, shop, now)).toEqual(expected);
  });

  it('reads the shop catalogue a rule is validated against', async () => {
    const catalogue = await readSegmentCatalogue(db().dataSource);
    expect(catalogue).toMatchObject({
      timeZone: 'Europe/Madrid',
      stores: ['pl-krakow', 'us-nyc', 'web'],
      managers: ['ana@example.com', 'piotr@example.com'],
      segments: ['churn-risk', 'vip'],
    });
    expect(catalogue.customFields).toContainEqual({ key: 'wedding_date', label: 'Wedding date', type: 'date' });
  });
});
