import {
  CUSTOMER_FIELD_TYPES,
  METRIC_TYPES,
  type ConditionOfKind,
  type RuleValueType,
  type SegmentCatalogue,
  type SegmentCondition,
  type ValueTestOperator,
} from '@marea/contracts';

/** What a condition's `test` applies to: the words a marketer sees, the value's type and its operators. */
export interface TestedSubject {
  label: string;
  type: RuleValueType;
  /** Operators narrower than the type's own (tags, manager …); undefined = all of the type. */
  operators?: readonly ValueTestOperator[];
}

const FIELD_LABELS: Record<keyof typeof CUSTOMER_FIELD_TYPES, string> = {
  external_id: 'Customer id',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  document_number: 'Document number',
  gender: 'Gender',
  city: 'City',
  country: 'Country',
  language: 'Language',
  birth_date: 'Birth date',
  created_at: 'Customer since',
};

const METRIC_LABELS: Record<keyof typeof METRIC_TYPES, string> = {
  rfm_segment: 'RFM segment',
  rfm_recency: 'RFM recency score',
  rfm_frequency: 'RFM frequency score',
  rfm_monetary: 'RFM monetary score',
  rfm_margin: 'RFM margin score',
  clv_state: 'CLV state',
  predicted_clv: 'Predicted CLV',
  primary_affinity: 'Primary affinity',
};

const AGGREGATE_LABELS: Record<string, string> = {
  'count': 'Number of purchases',
  'sum.amount': 'Spend',
  'sum.margin': 'Margin',
  'sum.quantity': 'Units bought',
  'average.amount': 'Average ticket',
  'average.margin': 'Average margin per ticket',
  'average.quantity': 'Average units per ticket',
  'min.amount': 'Smallest ticket',
  'min.margin': 'Smallest ticket margin',
  'min.quantity': 'Fewest units in a ticket',
  'max.amount': 'Largest ticket',
  'max.margin': 'Largest ticket margin',
  'max.quantity': 'Most units in a ticket',
};

/** Operators of a set of names (tags, managers, stores): no substring or ordering. */
export const NAME_SET_OPERATORS: readonly ValueTestOperator[] = ['equals', 'not_equals', 'in', 'not_in', 'is_empty', 'is_not_empty'];

export function orderAggregateLabel(condition: ConditionOfKind<'order_aggregate'>): string {
  const key = condition.aggregate === 'count' ? 'count' : `${condition.aggregate}.${condition.measure}`;
  return AGGREGATE_LABELS[key] ?? key;
}

/**
 * The subject of a condition's `test`, or undefined for kinds without one (consent, purchased,
 * segment membership, message) or a custom field the catalogue does not define.
 */
export function testedSubject(condition: SegmentCondition, catalogue: SegmentCatalogue): TestedSubject | undefined {
  switch (condition.kind) {
    case 'customer_field':
      return { label: FIELD_LABELS[condition.field], type: CUSTOMER_FIELD_TYPES[condition.field] };
    case 'custom_field': {
      const field = catalogue.customFields.find((f) => f.key === condition.key);
      return field && { label: field.label, type: field.type };
    }
    case 'tags':
      return { label: 'Tags', type: 'text', operators: NAME_SET_OPERATORS };
    case 'manager':
      return { label: 'Responsible manager', type: 'text', operators: NAME_SET_OPERATORS };
    case 'first_purchase_store':
      return { label: 'Store of first purchase', type: 'text', operators: NAME_SET_OPERATORS };
    case 'purchase_date':
      return { label: condition.which === 'first' ? 'First purchase date' : 'Last purchase date', type: 'date' };
    case 'order_aggregate':
      return { label: orderAggregateLabel(condition), type: 'number' };
    case 'metric':
      return { label: METRIC_LABELS[condition.metric], type: METRIC_TYPES[condition.metric] };
    case 'persona_cluster':
      return { label: 'Persona cluster', type: 'text', operators: NAME_SET_OPERATORS };
    case 'propensity':
      return { label: `Propensity to "${condition.towards}"`, type: 'text', operators: NAME_SET_OPERATORS };
    case 'consent':
    case 'purchased':
    case 'event':
    case 'message':
    case 'segment':
      return undefined;
  }
}

/** A short name of any condition for messages about the condition as a whole. */
export function conditionLabel(condition: SegmentCondition, catalogue: SegmentCatalogue): string {
  const subject = testedSubject(condition, catalogue);
  if (subject) return subject.label;
  switch (condition.kind) {
    case 'custom_field':
      return `Custom field "${condition.key}"`;
    case 'consent':
      return `${condition.channel === 'email' ? 'Email' : 'SMS'} consent`;
    case 'purchased':
      return condition.bought ? 'Bought' : 'Never bought';
    case 'event':
      return `Event "${condition.eventType}"`;
    case 'message':
      return 'Message';
    case 'segment':
      return `Segment "${condition.code}"`;
    default:
      return condition.kind;
  }
}
