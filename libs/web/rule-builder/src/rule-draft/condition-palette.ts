import { CUSTOMER_FIELD_TYPES, METRIC_TYPES, type SegmentCatalogue } from '@marea/contracts';
import { testedSubject } from '@marea/domain/segments';
import type { DraftNode } from './rule-draft';
import { defaultTestFor, testFor } from './operator-labels';

/** One entry of the "add a condition" menu: what it is called and the condition it starts from. */
export interface PaletteEntry {
  id: string;
  label: string;
  create(): DraftNode;
}

export interface PaletteTheme {
  theme: 'customer' | 'orders' | 'products' | 'communications' | 'analytics';
  label: string;
  entries: PaletteEntry[];
}

// The catalogue is only needed for custom-field labels; a condition's label never depends on the shop otherwise.
const NO_CATALOGUE: SegmentCatalogue = { timeZone: 'UTC', customFields: [] };
const labelOf = (node: DraftNode) => testedSubject(node as never, NO_CATALOGUE)?.label ?? node.kind;

function entry(id: string, node: () => DraftNode, label = labelOf(node())): PaletteEntry {
  return { id, label, create: node };
}

/**
 * Every condition the model knows, grouped by the themes marketers think in (the CRMs group
 * theirs the same way). Custom fields come from the shop's catalogue.
 */
export function conditionPalette(catalogue: SegmentCatalogue): PaletteTheme[] {
  const fields = Object.entries(CUSTOMER_FIELD_TYPES).map(([field, type]) =>
    entry(`customer_field:${field}`, () => ({ kind: 'customer_field', field, test: defaultTestFor(type) })),
  );
  const customFields = catalogue.customFields.map((field) =>
    entry(`custom_field:${field.key}`, () => ({ kind: 'custom_field', key: field.key, test: defaultTestFor(field.type) }), field.label),
  );
  const metrics = Object.entries(METRIC_TYPES).map(([metric, type]) =>
    entry(`metric:${metric}`, () => ({ kind: 'metric', metric, test: defaultTestFor(type) })),
  );
  return [
    {
      theme: 'customer',
      label: $localize`:@@rules.theme.customer:Customer`,
      entries: [
        ...fields,
        ...customFields,
        entry('tags', () => ({ kind: 'tags', test: testFor('in') })),
        entry('consent', () => ({ kind: 'consent', channel: 'email', status: 'given' }), $localize`:@@rules.entry.consent:Consent`),
        entry('manager', () => ({ kind: 'manager', test: testFor('in') })),
        entry('segment', () => ({ kind: 'segment', member: true, code: '' }), $localize`:@@rules.entry.segment:Member of a segment`),
      ],
    },
    {
      theme: 'orders',
      label: $localize`:@@rules.theme.orders:Orders`,
      entries: [
        entry('order_aggregate:count', () => ({ kind: 'order_aggregate', aggregate: 'count', measure: 'amount', filter: {}, test: testFor('gte') })),
        entry('order_aggregate:sum', () => ({ kind: 'order_aggregate', aggregate: 'sum', measure: 'amount', filter: {}, test: testFor('gte') })),
        entry('order_aggregate:average', () => ({ kind: 'order_aggregate', aggregate: 'average', measure: 'amount', filter: {}, test: testFor('gte') })),
        entry('order_aggregate:max', () => ({ kind: 'order_aggregate', aggregate: 'max', measure: 'amount', filter: {}, test: testFor('gte') })),
        entry('purchase_date:first', () => ({ kind: 'purchase_date', which: 'first', test: testFor('in_last_days') })),
        entry('purchase_date:last', () => ({ kind: 'purchase_date', which: 'last', test: testFor('in_last_days') })),
        entry('first_purchase_store', () => ({ kind: 'first_purchase_store', test: testFor('in') })),
      ],
    },
    {
      theme: 'products',
      label: $localize`:@@rules.theme.products:Products`,
      entries: [
        entry('purchased:true', () => ({ kind: 'purchased', bought: true, filter: { categories: { include: [], exclude: [] } } }), $localize`:@@rules.entry.bought:Bought`),
        entry('purchased:false', () => ({ kind: 'purchased', bought: false, filter: { categories: { include: [], exclude: [] } } }), $localize`:@@rules.entry.neverBought:Never bought`),
        entry('order_aggregate:quantity', () => ({ kind: 'order_aggregate', aggregate: 'sum', measure: 'quantity', filter: { categories: { include: [], exclude: [] } }, test: testFor('gte') })),
      ],
    },
    {
      theme: 'communications',
      label: $localize`:@@rules.theme.communications:Communications and activity`,
      entries: [
        entry('event', () => ({ kind: 'event', eventType: 'add_to_cart', times: { op: 'at_least', count: 1 }, window: testFor('in_last_days'), properties: [] }), $localize`:@@rules.entry.event:Performed an event`),
        entry('message', () => ({ kind: 'message', action: 'opened', target: { type: 'automation', automationId: '' }, window: testFor('in_last_days') }), $localize`:@@rules.entry.message:Received, opened or clicked a message`),
      ],
    },
    {
      theme: 'analytics',
      label: $localize`:@@rules.theme.analytics:Analytics`,
      entries: [
        ...metrics,
        entry('persona_cluster', () => ({ kind: 'persona_cluster', analysisId: '', test: testFor('in') })),
        entry('propensity', () => ({ kind: 'propensity', towards: '', test: testFor('equals') }), $localize`:@@rules.entry.propensity:Propensity`),
      ],
    },
  ];
}
