import type { RuleNode, SegmentCondition, SegmentRule } from '@marea/contracts';
import { dayIn } from './calendar';
import { exact } from './exact-decimal';
import { orderAggregatePasses, purchasedPasses, purchasesOf, type OrderScope } from './reference-orders';
import type { ReferenceCustomer, ReferenceShop } from './reference-shop';
import { passes, type ReferenceValue } from './reference-value-test';

/**
 * The reference evaluator: the meaning of a segment rule written as plainly as possible over an
 * in-memory shop, one customer at a time. It shares nothing with the SQL compiler but the rule's
 * types, so the differential test (random shops, random rules) can hold each to the other.
 * It is meant for tests: it scans everything for every customer.
 */

/** A typed value out of JSON (custom fields, event properties); another JSON type counts as empty. */
function typedJson(value: unknown, type: 'text' | 'number' | 'date' | 'boolean'): ReferenceValue {
  switch (type) {
    case 'text':
      return { type, value: typeof value === 'string' ? value : null };
    case 'number':
      return { type, value: typeof value === 'number' ? exact(value) : null };
    case 'boolean':
      return { type, value: typeof value === 'boolean' ? value : null };
    case 'date':
      return { type, value: typeof value === 'string' && /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value) ? value : null };
  }
}

const text = (value: string | null): ReferenceValue => ({ type: 'text', value });

function profileValue(customer: ReferenceCustomer, field: Extract<SegmentCondition, { kind: 'customer_field' }>['field'], shop: ReferenceShop): ReferenceValue {
  switch (field) {
    case 'external_id':
      return text(customer.externalId);
    case 'first_name':
      return text(customer.firstName);
    case 'last_name':
      return text(customer.lastName);
    case 'email':
      return text(customer.email);
    case 'phone':
      return text(customer.phone);
    case 'document_number':
      return text(customer.documentNumber);
    case 'gender':
      return text(customer.gender);
    case 'city':
      return text(customer.city);
    case 'country':
      return text(customer.country);
    case 'language':
      return text(customer.language);
    case 'birth_date':
      return { type: 'date', value: customer.birthDate };
    case 'created_at':
      return { type: 'date', value: dayIn(customer.createdAt, shop.timeZone) };
  }
}

function tagsPass(tags: readonly string[], test: Extract<SegmentCondition, { kind: 'tags' }>['test']): boolean {
  switch (test.op) {
    case 'equals':
      return tags.includes(String(test.value));
    case 'not_equals':
      return !tags.includes(String(test.value));
    case 'in':
      return test.values.some((v) => tags.includes(String(v)));
    case 'not_in':
      return !test.values.some((v) => tags.includes(String(v)));
    case 'is_empty':
      return tags.length === 0;
    case 'is_not_empty':
      return tags.length > 0;
    default:
      return false;
  }
}

function metricValue(shop: ReferenceShop, customerId: number, metric: Extract<SegmentCondition, { kind: 'metric' }>['metric']): ReferenceValue {
  const row = shop.metrics.find((m) => m.customerId === customerId);
  const score = (n: number | null | undefined): ReferenceValue => ({ type: 'number', value: n === null || n === undefined ? null : exact(n) });
  switch (metric) {
    case 'rfm_segment':
      return text(row?.rfmSegment ?? null);
    case 'rfm_recency':
      return score(row?.rfmRecency);
    case 'rfm_frequency':
      return score(row?.rfmFrequency);
    case 'rfm_monetary':
      return score(row?.rfmMonetary);
    case 'rfm_margin':
      return score(row?.rfmMargin);
    case 'clv_state':
      return text(row?.clvState ?? null);
    case 'predicted_clv':
      return { type: 'number', value: row?.predictedClv ? exact(row.predictedClv) : null };
    case 'primary_affinity':
      return text(row?.primaryAffinity ?? null);
  }
}

/** The name of the customer's cluster in the done analysis with that code. */
function personaClusterOf(shop: ReferenceShop, customerId: number, code: string): string | null {
  const analysis = (shop.personaAnalyses ?? []).find((a) => a.code === code && a.status === 'done');
  const assignment = analysis?.assignments.find((a) => a.customerId === customerId);
  return (assignment && analysis?.clusters.find((c) => c.cluster === assignment.cluster)?.name) ?? null;
}

/** The level of the customer's cluster towards the value in the newest done analysis that has it (latest finish, then highest id). */
function propensityOf(shop: ReferenceShop, customerId: number, value: string): string | null {
  const newest = (shop.personaAnalyses ?? [])
    .filter((a) => a.status === 'done' && a.values.includes(value))
    .sort((a, b) => Date.parse(b.finishedAt ?? '') - Date.parse(a.finishedAt ?? '') || b.id - a.id)[0];
  const assignment = newest?.assignments.find((a) => a.customerId === customerId);
  const cluster = assignment && newest.clusters.find((c) => c.cluster === assignment.cluster);
  return cluster?.propensity[newest.values.indexOf(value)] ?? null;
}

function conditionHolds(customer: ReferenceCustomer, condition: SegmentCondition, scope: OrderScope): boolean {
  const { shop, today } = scope;
  switch (condition.kind) {
    case 'customer_field':
      return passes(profileValue(customer, condition.field, shop), condition.test, today);
    case 'custom_field': {
      const field = shop.customFields.find((f) => f.key === condition.key);
      if (!field) throw new Error(`no custom field ${condition.key}`);
      return passes(typedJson(customer.attributes[condition.key], field.type), condition.test, today);
    }
    case 'tags':
      return tagsPass(customer.tags, condition.test);
    case 'consent': {
      const consent = shop.consents.find((k) => k.customerId === customer.id && k.channel === condition.channel);
      return (consent?.status ?? 'unknown') === condition.status;
    }
    case 'manager': {
      const manager = shop.users.find((u) => u.id === customer.managerId);
      return passes(text(manager?.email ?? null), condition.test, today);
    }
    case 'first_purchase_store': {
      const first = purchasesOf(customer.id, scope)[0];
      const store = first && shop.stores.find((s) => s.id === first.storeId);
      return passes(text(store?.externalId ?? null), condition.test, today);
    }
    case 'purchase_date': {
      const purchases = purchasesOf(customer.id, scope);
      const times = purchases.map((o) => Date.parse(o.orderedAt));
      const at = times.length === 0 ? null : condition.which === 'first' ? Math.min(...times) : Math.max(...times);
      return passes({ type: 'date', value: at === null ? null : dayIn(new Date(at).toISOString(), shop.timeZone) }, condition.test, today);
    }
    case 'order_aggregate':
      return orderAggregatePasses(customer.id, condition, scope);
    case 'purchased':
      return purchasedPasses(customer.id, condition, scope);
    case 'event': {
      const count = shop.events.filter(
        (e) =>
          e.customerId === customer.id &&
          e.type === condition.eventType &&
          Date.parse(e.occurredAt) <= scope.now &&
          (!condition.window || passes({ type: 'date', value: dayIn(e.occurredAt, shop.timeZone) }, condition.window, today)) &&
          condition.properties.every((p) => passes(typedJson(e.properties[p.key], p.type), p.test, today)),
      ).length;
      const { op, count: n } = condition.times;
      return op === 'at_least' ? count >= n : op === 'at_most' ? count <= n : count === n;
    }
    case 'metric':
      return passes(metricValue(shop, customer.id, condition.metric), condition.test, today);
    case 'segment': {
      const segment = shop.segments.find((s) => s.code === condition.code);
      const member = !!segment && shop.memberships.some((m) => m.segmentId === segment.id && m.customerId === customer.id && m.exitedAt === null);
      return member === condition.member;
    }
    case 'persona_cluster':
      return passes(text(personaClusterOf(shop, customer.id, condition.analysisId)), condition.test, today);
    case 'propensity':
      return passes(text(propensityOf(shop, customer.id, condition.towards)), condition.test, today);
    case 'message':
      throw new Error(`the reference cannot evaluate ${condition.kind} conditions: their data does not exist yet`);
  }
}

function groupHolds(customer: ReferenceCustomer, match: 'all' | 'any', negate: boolean, nodes: readonly RuleNode[], scope: OrderScope): boolean {
  const holds = (node: RuleNode) =>
    node.kind === 'group' ? groupHolds(customer, node.match, node.negate, node.conditions, scope) : conditionHolds(customer, node, scope);
  const result = match === 'all' ? nodes.every(holds) : nodes.some(holds);
  return negate ? !result : result;
}

/** The ids of the customers of the shop for whom the (parsed) rule holds at `now`, ascending. */
export function evaluateSegmentRule(rule: SegmentRule, shop: ReferenceShop, now: Date): number[] {
  const scope: OrderScope = { shop, now: now.getTime(), today: dayIn(now.toISOString(), shop.timeZone) };
  return shop.customers
    .filter((customer) => groupHolds(customer, rule.match, rule.negate, rule.conditions, scope))
    .map((customer) => customer.id)
    .sort((a, b) => a - b);
}
