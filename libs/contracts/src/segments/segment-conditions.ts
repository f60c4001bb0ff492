import * as z from 'zod';
import { OrderFilter } from './order-filter';
import { RuleValueType, ValueTest } from './value-test';

/**
 * The leaves of a segment rule, one object per kind of fact about a customer. Each is tagged
 * by `kind`; the compiler and the reference evaluator each handle every kind (an exhaustive
 * switch), so adding a kind fails to compile until both know it.
 */

/** Columns of the customer profile a rule may test, with the type of their values. */
export const CUSTOMER_FIELD_TYPES = {
  external_id: 'text',
  first_name: 'text',
  last_name: 'text',
  email: 'text',
  phone: 'text',
  document_number: 'text',
  gender: 'text',
  city: 'text',
  country: 'text',
  language: 'text',
  birth_date: 'date',
  created_at: 'date',
} as const satisfies Record<string, RuleValueType>;
export const CustomerField = z.enum(Object.keys(CUSTOMER_FIELD_TYPES) as [keyof typeof CUSTOMER_FIELD_TYPES], {
  message: 'needs a known customer field',
});
export type CustomerField = z.infer<typeof CustomerField>;

const CodeText = z.string().min(1, 'must not be empty').max(200);

export const CustomerFieldCondition = z
  .object({ kind: z.literal('customer_field'), field: CustomerField, test: ValueTest })
  .strict();

/** A typed custom field (customers.attributes), typed by its definition in the catalogue. */
export const CustomFieldCondition = z
  .object({ kind: z.literal('custom_field'), key: CodeText, test: ValueTest })
  .strict();

/** Tags: equals/not_equals one tag, in (has any) / not_in (has none), is_empty (has no tags). */
export const TagsCondition = z.object({ kind: z.literal('tags'), test: ValueTest }).strict();

/** Consent per channel; `unknown` = never asked (no consent recorded). */
export const ConsentCondition = z
  .object({
    kind: z.literal('consent'),
    channel: z.enum(['email', 'sms'], { message: 'needs a channel: email or sms' }),
    status: z.enum(['given', 'withdrawn', 'unknown'], { message: 'needs a status: given, withdrawn or unknown' }),
  })
  .strict();

/** The responsible manager, by the manager's email. */
export const ManagerCondition = z.object({ kind: z.literal('manager'), test: ValueTest }).strict();

/** The store of the customer's first purchase, by the store's external id. */
export const FirstPurchaseStoreCondition = z
  .object({ kind: z.literal('first_purchase_store'), test: ValueTest })
  .strict();

/** Date of the first or last purchase (a date test). */
export const PurchaseDateCondition = z
  .object({ kind: z.literal('purchase_date'), which: z.enum(['first', 'last']), test: ValueTest })
  .strict();

export const OrderAggregate = z.enum(['count', 'sum', 'average', 'min', 'max'], {
  message: 'needs count, sum, average, min or max',
});
export const OrderMeasure = z.enum(['amount', 'margin', 'quantity'], { message: 'needs amount, margin or quantity' });

/**
 * A figure over the customer's orders: `count` counts tickets (purchase days); `sum` is net
 * (returns subtracted); `average` is per ticket; `min`/`max` are the smallest/largest ticket.
 * `window` is a date test on the order date (absent = all time up to the evaluation moment).
 */
export const OrderAggregateCondition = z
  .object({
    kind: z.literal('order_aggregate'),
    aggregate: OrderAggregate,
    measure: OrderMeasure.default('amount'),
    window: ValueTest.optional(),
    filter: OrderFilter.default({}),
    test: ValueTest,
  })
  .strict();

/** Bought (or never bought) something matching the filter within the window. */
export const PurchasedCondition = z
  .object({
    kind: z.literal('purchased'),
    bought: z.boolean({ message: 'needs true (bought) or false (never bought)' }),
    window: ValueTest.optional(),
    filter: OrderFilter,
  })
  .strict();

/**
 * A filter on one property of an event, compared as text, a number or true/false. Event
 * properties are free JSON, so a value of another JSON type than `type` counts as empty.
 */
export const EventPropertyFilter = z
  .object({
    key: z.string().min(1, 'needs the property name').max(200),
    type: z.enum(['text', 'number', 'boolean'], { message: 'needs text, number or boolean' }).default('text'),
    test: ValueTest,
  })
  .strict();
export type EventPropertyFilter = z.infer<typeof EventPropertyFilter>;

/** Performed an event at least / at most / exactly N times within the window. */
export const EventCondition = z
  .object({
    kind: z.literal('event'),
    eventType: z.string().regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'needs an event type such as add_to_cart'),
    times: z
      .object({
        op: z.enum(['at_least', 'at_most', 'exactly'], { message: 'needs at_least, at_most or exactly' }),
        count: z.number({ message: 'needs a whole number' }).int('needs a whole number').min(0).max(1_000_000),
      })
      .strict(),
    window: ValueTest.optional(),
    properties: z.array(EventPropertyFilter).max(20).default([]),
  })
  .strict();

/** Received / opened / clicked a message, or any message of an automation (needs messages). */
export const MessageCondition = z
  .object({
    kind: z.literal('message'),
    action: z.enum(['received', 'opened', 'clicked'], { message: 'needs received, opened or clicked' }),
    target: z.discriminatedUnion('type', [
      z.object({ type: z.literal('message'), messageId: CodeText }).strict(),
      z.object({ type: z.literal('automation'), automationId: CodeText }).strict(),
    ]),
    window: ValueTest.optional(),
  })
  .strict();

/** Figures of the customer-metrics table (RFM, CLV, affinity), with the type of their values. */
export const METRIC_TYPES = {
  rfm_segment: 'text',
  rfm_recency: 'number',
  rfm_frequency: 'number',
  rfm_monetary: 'number',
  rfm_margin: 'number',
  clv_state: 'text',
  predicted_clv: 'number',
  primary_affinity: 'text',
} as const satisfies Record<string, RuleValueType>;
export const CustomerMetric = z.enum(Object.keys(METRIC_TYPES) as [keyof typeof METRIC_TYPES], {
  message: 'needs a known analysis figure',
});
export type CustomerMetric = z.infer<typeof CustomerMetric>;

export const MetricCondition = z.object({ kind: z.literal('metric'), metric: CustomerMetric, test: ValueTest }).strict();

/** Cluster of a persona analysis (needs persona analyses). */
export const PersonaClusterCondition = z
  .object({ kind: z.literal('persona_cluster'), analysisId: CodeText, test: ValueTest })
  .strict();

/** Propensity level towards a value, e.g. "Huerto ECO" = high (needs persona analyses). */
export const PropensityCondition = z
  .object({ kind: z.literal('propensity'), towards: CodeText, test: ValueTest })
  .strict();

/** Is (or is not) currently a member of another segment, by its code. */
export const SegmentMembershipCondition = z
  .object({ kind: z.literal('segment'), member: z.boolean({ message: 'needs true (in) or false (not in)' }), code: CodeText })
  .strict();

export const SEGMENT_CONDITIONS = [
  CustomerFieldCondition,
  CustomFieldCondition,
  TagsCondition,
  ConsentCondition,
  ManagerCondition,
  FirstPurchaseStoreCondition,
  PurchaseDateCondition,
  OrderAggregateCondition,
  PurchasedCondition,
  EventCondition,
  MessageCondition,
  MetricCondition,
  PersonaClusterCondition,
  PropensityCondition,
  SegmentMembershipCondition,
] as const;

export type SegmentCondition = z.infer<(typeof SEGMENT_CONDITIONS)[number]>;
export type SegmentConditionKind = SegmentCondition['kind'];
export type ConditionOfKind<K extends SegmentConditionKind> = Extract<SegmentCondition, { kind: K }>;
