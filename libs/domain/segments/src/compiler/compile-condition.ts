import { type ConditionOfKind, type SegmentCondition } from '@marea/contracts';
import { testedSubject } from '../validation/condition-subject';
import { compileOrderAggregate } from './compile-order-aggregate';
import { compileOrderRows, IS_PURCHASE } from './compile-order-rows';
import { compileEventCondition } from './compile-event-condition';
import { compileValueTest } from './compile-value-test';
import { customerFigure } from './customer-figures';
import { personaClusterName, propensityLevel } from './persona-figures';
import { localDate, type SqlContext } from './sql-context';
import { typedJsonValue } from './typed-json-value';

/** Profile columns by field name: the only customer identifiers that can reach the SQL. */
const CUSTOMER_COLUMNS: Record<ConditionOfKind<'customer_field'>['field'], string> = {
  external_id: 'c.external_id',
  first_name: 'c.first_name',
  last_name: 'c.last_name',
  email: 'c.email',
  phone: 'c.phone',
  document_number: 'c.document_number',
  gender: 'c.gender',
  city: 'c.city',
  country: 'c.country',
  language: 'c.language',
  birth_date: 'c.birth_date',
  created_at: 'c.created_at',
};

/** customer_metrics columns by figure: the only metric identifiers that can reach the SQL. */
const METRIC_COLUMNS: Record<ConditionOfKind<'metric'>['metric'], string> = {
  rfm_segment: 'm.rfm_segment',
  rfm_recency: 'm.rfm_recency',
  rfm_frequency: 'm.rfm_frequency',
  rfm_monetary: 'm.rfm_monetary',
  rfm_margin: 'm.rfm_margin',
  clv_state: 'm.clv_state',
  predicted_clv: 'm.predicted_clv',
  primary_affinity: 'm.primary_affinity',
};

function compileTags(test: ConditionOfKind<'tags'>['test'], ctx: SqlContext): string {
  switch (test.op) {
    case 'equals':
      return `${ctx.params.add(String(test.value), 'text')} = ANY(c.tags)`;
    case 'not_equals':
      return `NOT (${ctx.params.add(String(test.value), 'text')} = ANY(c.tags))`;
    case 'in':
      return `c.tags && ${ctx.params.add(test.values.map(String), 'text[]')}`;
    case 'not_in':
      return `NOT (c.tags && ${ctx.params.add(test.values.map(String), 'text[]')})`;
    case 'is_empty':
      return `cardinality(c.tags) = 0`;
    case 'is_not_empty':
      return `cardinality(c.tags) > 0`;
    default:
      throw new Error(`tags cannot use ${test.op}`);
  }
}

/** The customer's purchases up to the evaluation moment, for first/last purchase facts. */
function purchases(ctx: SqlContext) {
  return {
    from: `FROM orders o JOIN stores s ON s.id = o.store_id\n      WHERE ${IS_PURCHASE} AND o.status <> 'cancelled' AND o.ordered_at <= ${ctx.now}`,
    customer: 'o.customer_id',
  };
}

/** The predicate of one condition over the customer `c`; may be NULL, which the group reads as false. */
export function compileCondition(condition: SegmentCondition, ctx: SqlContext): string {
  const typeOf = () => testedSubject(condition, ctx.catalogue)?.type ?? 'text';
  switch (condition.kind) {
    case 'customer_field': {
      const column = CUSTOMER_COLUMNS[condition.field];
      const value = condition.field === 'created_at' ? localDate(column, ctx) : column;
      return compileValueTest(value, typeOf(), condition.test, ctx);
    }
    case 'custom_field': {
      const type = typeOf();
      return compileValueTest(typedJsonValue('c.attributes', ctx.params.add(condition.key, 'text'), type), type, condition.test, ctx);
    }
    case 'tags':
      return compileTags(condition.test, ctx);
    case 'consent': {
      const channel = ctx.params.add(condition.channel, 'text');
      if (condition.status === 'unknown') return `NOT EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.channel = ${channel})`;
      const status = ctx.params.add(condition.status, 'text');
      return `EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.channel = ${channel} AND k.status = ${status})`;
    }
    case 'manager':
      return compileValueTest(`(SELECT u.email FROM users u WHERE u.id = c.manager_id)`, 'text', condition.test, ctx);
    case 'first_purchase_store': {
      // The earliest purchase; two at the same instant are told apart by order id.
      const store = customerFigure(ctx, purchases(ctx), { aggregate: '(array_agg(s.external_id ORDER BY o.ordered_at, o.id))[1]' });
      return compileValueTest(store, 'text', condition.test, ctx);
    }
    case 'purchase_date': {
      const at = customerFigure(ctx, purchases(ctx), { aggregate: `${condition.which === 'first' ? 'min' : 'max'}(o.ordered_at)` });
      return compileValueTest(localDate(at, ctx), 'date', condition.test, ctx);
    }
    case 'order_aggregate':
      return compileOrderAggregate(condition, ctx);
    case 'purchased': {
      const rows = compileOrderRows(condition.filter, condition.window, true, ctx);
      const bought = customerFigure(ctx, rows, { aggregate: `count(*) FILTER (WHERE ${IS_PURCHASE})`, empty: '0' });
      return `${bought} ${condition.bought ? '>' : '='} 0`;
    }
    case 'event':
      return compileEventCondition(condition, ctx);
    case 'metric':
      return compileValueTest(
        `(SELECT ${METRIC_COLUMNS[condition.metric]} FROM customer_metrics m WHERE m.customer_id = c.id)`,
        typeOf(),
        condition.test,
        ctx,
      );
    case 'segment': {
      const code = ctx.params.add(condition.code, 'text');
      return (
        `${condition.member ? '' : 'NOT '}EXISTS (SELECT 1 FROM segment_memberships sm JOIN segments sg ON sg.id = sm.segment_id\n` +
        `      WHERE sg.code = ${code} AND sm.customer_id = c.id AND sm.exited_at IS NULL)`
      );
    }
    case 'persona_cluster':
      return compileValueTest(personaClusterName(ctx.params.add(condition.analysisId, 'text')), 'text', condition.test, ctx);
    case 'propensity':
      return compileValueTest(propensityLevel(ctx.params.add(condition.towards, 'text')), 'text', condition.test, ctx);
    case 'message':
      throw new Error(`${condition.kind} conditions cannot be compiled yet`);
  }
}
