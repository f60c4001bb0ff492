import {
  CUSTOMER_FIELD_TYPES,
  METRIC_TYPES,
  type OrderFilter,
  type RuleNodeInput,
  type RuleValueType,
  type SegmentRuleInput,
  type ValueTest,
} from '@marea/contracts';
import * as fc from 'fast-check';
import { aDay, anInstant } from './arbitrary-shop';
import { PERSONA_CLUSTER_NAMES, PERSONA_VALUES } from './arbitrary-persona-analyses';

/** Values the random shops hold, so random rules select some customers and not others. */
const TEXTS = ['Ana', 'Lucía', 'Madrid', 'Mad', 'Moscú', 'Kraków', 'ES', 'PL', 'es', 'pt-BR', 'female', 'male', 'ana@example.com', '@example.com', 'a', 'Mon', 'Monstera', 'Cactus', 'X123', '+34', 'c1', 'c7'];
const NUMBERS = [0, 1, 2, 3, 5, 10, 35, 50.5, 100, 100.5, 120, 250, 600, -20, 0.25];
const aDate = aDay('2024-06-01', '2027-01-31');
const aMonthDay = aDay('2024-01-01', '2024-12-31').map((d) => d.slice(5));
const someOf = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1, maxLength: Math.min(3, values.length) });

const textTest = (pool: readonly string[]): fc.Arbitrary<ValueTest> =>
  fc.oneof(
    fc.record({ op: fc.constantFrom('equals' as const, 'not_equals' as const, 'contains' as const, 'not_contains' as const, 'starts_with' as const), value: fc.constantFrom(...pool) }),
    fc.record({ op: fc.constantFrom('in' as const, 'not_in' as const), values: someOf(pool) }),
    fc.record({ op: fc.constantFrom('is_empty' as const, 'is_not_empty' as const) }),
  );

/** Tests of a set of names (tags, managers, stores): no substrings. */
const nameTest = (pool: readonly string[]): fc.Arbitrary<ValueTest> =>
  fc.oneof(
    fc.record({ op: fc.constantFrom('equals' as const, 'not_equals' as const), value: fc.constantFrom(...pool) }),
    fc.record({ op: fc.constantFrom('in' as const, 'not_in' as const), values: someOf(pool) }),
    fc.record({ op: fc.constantFrom('is_empty' as const, 'is_not_empty' as const) }),
  );

const aNumber = fc.constantFrom(...NUMBERS);
const numberTest: fc.Arbitrary<ValueTest> = fc.oneof(
  fc.record({ op: fc.constantFrom('equals' as const, 'not_equals' as const, 'gt' as const, 'gte' as const, 'lt' as const, 'lte' as const), value: aNumber }),
  fc.tuple(aNumber, aNumber).map(([a, b]) => ({ op: 'between' as const, from: Math.min(a, b), to: Math.max(a, b) })),
  fc.record({ op: fc.constantFrom('is_empty' as const, 'is_not_empty' as const) }),
);

/** Date tests that describe a span of days: the windows of orders and events. */
const windowTest: fc.Arbitrary<ValueTest> = fc.oneof(
  fc.record({ op: fc.constant('equals' as const), value: aDate }),
  fc.record({ op: fc.constantFrom('before' as const, 'after' as const), date: aDate }),
  fc.tuple(aDate, aDate).map(([a, b]) => ({ op: 'between' as const, from: a < b ? a : b, to: a < b ? b : a })),
  fc.record({ op: fc.constantFrom('in_last_days' as const, 'in_next_days' as const), days: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ op: fc.constantFrom('before_days_from_now' as const, 'after_days_from_now' as const), days: fc.integer({ min: -400, max: 400 }) }),
  fc.record({ op: fc.constantFrom('this_month' as const, 'last_month' as const) }),
);

const dateTest: fc.Arbitrary<ValueTest> = fc.oneof(
  windowTest,
  fc.record({ op: fc.constant('not_equals' as const), value: aDate }),
  fc.record({ op: fc.constant('anniversary_between' as const), from: aMonthDay, to: aMonthDay }),
  fc
    .tuple(fc.integer({ min: -30, max: 30 }), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(365)))
    .map(([from, span]) => ({ op: 'anniversary_in_days' as const, from, to: Math.min(from + span, 366) })),
  fc.record({ op: fc.constantFrom('is_empty' as const, 'is_not_empty' as const) }),
);

const booleanTest: fc.Arbitrary<ValueTest> = fc.record({ op: fc.constantFrom('is_true' as const, 'is_false' as const, 'is_empty' as const, 'is_not_empty' as const) });

const testOf = (type: RuleValueType, pool: readonly string[] = TEXTS): fc.Arbitrary<ValueTest> =>
  ({ text: textTest(pool), number: numberTest, date: dateTest, boolean: booleanTest })[type];

const includeExclude = (pool: readonly string[]) =>
  fc.record({ include: fc.subarray([...pool], { maxLength: 2 }), exclude: fc.subarray([...pool], { maxLength: 1 }) });

const anOrderFilter: fc.Arbitrary<OrderFilter> = fc.record(
  {
    stores: includeExclude(['web', 'pl-krakow', 'us-nyc']),
    channels: fc.record({ include: fc.subarray(['ecommerce' as const, 'store' as const]), exclude: fc.subarray(['store' as const], { maxLength: 1 }) }),
    products: includeExclude(['SKU-POT', 'SKU-PAN', 'SKU-FERN', 'SKU-CACTUS', 'SKU-HOSE', 'SKU-GIFT']),
    categories: includeExclude(['Hogar', 'Hogar > Cocina', 'Jardín', 'Jardín > Plantas', 'Jardínes']),
    productAttributes: fc.array(
      fc.record({ key: fc.constantFrom('brand', 'size', 'organic'), include: fc.subarray(['Acme', 'Fiskars', '28', 'true'], { maxLength: 2 }), exclude: fc.subarray(['Acme', 'Fiskars'], { maxLength: 1 }) }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: [] },
);

const customerFields = Object.keys(CUSTOMER_FIELD_TYPES) as (keyof typeof CUSTOMER_FIELD_TYPES)[];
const metrics = Object.keys(METRIC_TYPES) as (keyof typeof METRIC_TYPES)[];
const CUSTOM_FIELDS = { loyalty_points: 'number', wedding_date: 'date', newsletter_club: 'boolean', favourite_plant: 'text' } as const;

const aCondition: fc.Arbitrary<RuleNodeInput> = fc.oneof(
  fc.constantFrom(...customerFields).chain((field) => testOf(CUSTOMER_FIELD_TYPES[field]).map((test) => ({ kind: 'customer_field' as const, field, test }))),
  fc.constantFrom(...(Object.keys(CUSTOM_FIELDS) as (keyof typeof CUSTOM_FIELDS)[])).chain((key) =>
    testOf(CUSTOM_FIELDS[key]).map((test) => ({ kind: 'custom_field' as const, key, test })),
  ),
  nameTest(['vip', 'wholesale', 'newsletter']).map((test) => ({ kind: 'tags' as const, test })),
  fc.record({ kind: fc.constant('consent' as const), channel: fc.constantFrom('email' as const, 'sms' as const), status: fc.constantFrom('given' as const, 'withdrawn' as const, 'unknown' as const) }),
  nameTest(['ana@example.com', 'piotr@example.com']).map((test) => ({ kind: 'manager' as const, test })),
  nameTest(['web', 'pl-krakow', 'us-nyc']).map((test) => ({ kind: 'first_purchase_store' as const, test })),
  fc.record({ kind: fc.constant('purchase_date' as const), which: fc.constantFrom('first' as const, 'last' as const), test: dateTest }),
  fc.record(
    {
      kind: fc.constant('order_aggregate' as const),
      aggregate: fc.constantFrom('count' as const, 'sum' as const, 'average' as const, 'min' as const, 'max' as const),
      measure: fc.constantFrom('amount' as const, 'margin' as const, 'quantity' as const),
      window: windowTest,
      filter: anOrderFilter,
      test: numberTest,
    },
    { requiredKeys: ['kind', 'aggregate', 'test'] },
  ),
  fc.record(
    { kind: fc.constant('purchased' as const), bought: fc.boolean(), window: windowTest, filter: anOrderFilter.map((f) => ({ categories: { include: ['Jardín'], exclude: [] }, ...f })) },
    { requiredKeys: ['kind', 'bought', 'filter'] },
  ),
  fc.record(
    {
      kind: fc.constant('event' as const),
      eventType: fc.constantFrom('add_to_cart', 'page_view', 'search'),
      times: fc.record({ op: fc.constantFrom('at_least' as const, 'at_most' as const, 'exactly' as const), count: fc.integer({ min: 0, max: 3 }) }),
      window: windowTest,
      properties: fc.array(
        fc.oneof(
          textTest(['Plantas', 'Hogar', 'Pla']).map((test) => ({ key: 'category', type: 'text' as const, test })),
          numberTest.map((test) => ({ key: 'price', type: 'number' as const, test })),
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['kind', 'eventType', 'times'] },
  ),
  fc.constantFrom(...metrics).chain((metric) =>
    (metric === 'rfm_segment' ? nameTest(['champions', 'loyal', 'at_risk', 'lost']) : testOf(METRIC_TYPES[metric], ['active', 'lost', 'Hogar', 'Jardín > Plantas', 'Jard'])).map(
      (test) => ({ kind: 'metric' as const, metric, test }),
    ),
  ),
  fc.record({ kind: fc.constant('segment' as const), member: fc.boolean(), code: fc.constantFrom('vip', 'churn-risk') }),
  fc.record({ kind: fc.constant('persona_cluster' as const), analysisId: fc.constantFrom('gardeners', 'kitchen', 'nobody'), test: nameTest(PERSONA_CLUSTER_NAMES) }),
  fc.record({ kind: fc.constant('propensity' as const), towards: fc.constantFrom(...PERSONA_VALUES, 'Baño'), test: nameTest(['high', 'medium', 'low', 'zero']) }),
);

const { node } = fc.letrec<{ node: RuleNodeInput; group: RuleNodeInput }>((tie) => ({
  // maxDepth keeps every rule within the model's nesting limit (MAX_GROUP_DEPTH).
  node: fc.oneof({ depthSize: 'small', maxDepth: 8, withCrossShrink: true }, aCondition, aCondition, tie('group')),
  group: fc.record({
    kind: fc.constant('group' as const),
    match: fc.constantFrom('all' as const, 'any' as const),
    negate: fc.boolean(),
    conditions: fc.array(tie('node'), { maxLength: 3 }),
  }),
}));

/** A random valid rule: groups nested at random, every kind of condition the database can answer. */
export const anyRule: fc.Arbitrary<SegmentRuleInput> = fc.record({
  version: fc.constant(1 as const),
  match: fc.constantFrom('all' as const, 'any' as const),
  negate: fc.boolean(),
  conditions: fc.array(node, { minLength: 1, maxLength: 3 }),
});

/** Evaluation moments: any day of the data's years, and the days around a year end and month ends. */
export const anyMoment: fc.Arbitrary<Date> = fc
  .oneof(anInstant('2025-01-01', '2027-01-31'), anInstant('2025-12-29', '2026-01-04'), anInstant('2026-02-26', '2026-03-02'))
  .map((iso) => new Date(iso));
