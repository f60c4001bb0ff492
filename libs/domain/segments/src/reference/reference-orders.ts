import type { ConditionOfKind, OrderFilter, ValueTest } from '@marea/contracts';
import { dayIn } from './calendar';
import { exact, round, times, ZERO, type Exact } from './exact-decimal';
import type { ReferenceOrder, ReferenceShop } from './reference-shop';
import { averagePasses, passes } from './reference-value-test';

/** One thing an order condition counts: a whole order, or one line of it. */
interface Counted {
  order: ReferenceOrder;
  /** The ticket: the order's calendar day in its store's time zone. */
  day: string;
  amount: Exact;
  margin: Exact;
  quantity: Exact;
}

export interface OrderScope {
  shop: ReferenceShop;
  now: number;
  today: string;
}

function admits(list: { include: string[]; exclude: string[] } | undefined, values: readonly string[]): boolean {
  if (!list) return true;
  if (list.include.length && !list.include.some((v) => values.includes(v))) return false;
  return !list.exclude.some((v) => values.includes(v));
}

function hasLineFilter(filter: OrderFilter): boolean {
  const listed = (l: { include: string[]; exclude: string[] } | undefined) => !!l && (l.include.length > 0 || l.exclude.length > 0);
  return listed(filter.products) || listed(filter.categories) || (filter.productAttributes ?? []).some(listed);
}

function inCategory(paths: readonly string[], wanted: string): boolean {
  return paths.some((path) => path === wanted || path.startsWith(`${wanted} > `));
}

function attributeText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The orders (or lines) of a customer that an order condition counts, before any aggregate. */
export function countedRows(
  customerId: number,
  filter: OrderFilter,
  window: ValueTest | undefined,
  byLine: boolean,
  scope: OrderScope,
): Counted[] {
  const { shop } = scope;
  const lines = byLine || hasLineFilter(filter);
  const rows: Counted[] = [];
  for (const order of shop.orders) {
    if (order.customerId !== customerId || order.status === 'cancelled') continue;
    if (Date.parse(order.orderedAt) > scope.now) continue;
    if (window && !passes({ type: 'date', value: dayIn(order.orderedAt, shop.timeZone) }, window, scope.today)) continue;
    const store = shop.stores.find((s) => s.id === order.storeId);
    if (!store) throw new Error(`order ${order.id} has no store`);
    if (!admits(filter.stores, [store.externalId]) || !admits(filter.channels, [order.channel])) continue;
    const day = dayIn(order.orderedAt, store.timeZone);
    const rate = exact(order.fxRate);
    if (!lines) {
      rows.push({
        order,
        day,
        amount: round(times(exact(order.total), rate), 2),
        margin: order.margin === null ? ZERO : round(times(exact(order.margin), rate), 2),
        quantity: ZERO,
      });
      continue;
    }
    for (const line of order.lines) {
      const product = shop.products.find((p) => p.id === line.productId);
      if (!product) throw new Error(`line of order ${order.id} has no product`);
      const paths = product.categoryIds.map((id) => shop.categories.find((k) => k.id === id)?.path ?? '');
      if (!admits(filter.products, [product.externalId])) continue;
      const categories = filter.categories;
      if (categories?.include.length && !categories.include.some((c) => inCategory(paths, c))) continue;
      if (categories?.exclude.some((c) => inCategory(paths, c))) continue;
      const attributesPass = (filter.productAttributes ?? []).every((attribute) => {
        const value = attributeText(product.attributes[attribute.key]);
        return admits(attribute, value === undefined ? [] : [value]);
      });
      if (!attributesPass) continue;
      rows.push({
        order,
        day,
        amount: times(exact(line.total), rate),
        margin: line.cost === null ? ZERO : times(exact(line.total) - exact(line.tax) - exact(line.cost), rate),
        quantity: exact(line.quantity),
      });
    }
  }
  return rows;
}

function sum(values: readonly Exact[]): Exact {
  return values.reduce((a, b) => a + b, ZERO);
}

/** count = tickets, sum = net, average = sum / tickets, min / max over tickets (each the sum of its purchases). */
export function orderAggregatePasses(customerId: number, condition: ConditionOfKind<'order_aggregate'>, scope: OrderScope): boolean {
  const byLine = condition.aggregate !== 'count' && condition.measure === 'quantity';
  const rows = countedRows(customerId, condition.filter, condition.window, byLine, scope);
  const purchases = rows.filter((row) => row.order.kind === 'sale');
  const tickets = new Set(purchases.map((row) => row.day));
  const measure = (row: Counted) => row[condition.measure];
  switch (condition.aggregate) {
    case 'count':
      return passes({ type: 'number', value: exact(tickets.size) }, condition.test, scope.today);
    case 'sum':
      return passes({ type: 'number', value: sum(rows.map(measure)) }, condition.test, scope.today);
    case 'average':
      return averagePasses(sum(rows.map(measure)), tickets.size, condition.test);
    case 'min':
    case 'max': {
      const perTicket = [...tickets].map((day) => sum(purchases.filter((row) => row.day === day).map(measure)));
      const pick = perTicket.reduce<Exact | null>(
        (best, figure) => (best === null || (condition.aggregate === 'min' ? figure < best : figure > best) ? figure : best),
        null,
      );
      return passes({ type: 'number', value: pick }, condition.test, scope.today);
    }
  }
}

export function purchasedPasses(customerId: number, condition: ConditionOfKind<'purchased'>, scope: OrderScope): boolean {
  const bought = countedRows(customerId, condition.filter, condition.window, true, scope).some((row) => row.order.kind === 'sale');
  return bought === condition.bought;
}

/** The customer's purchases up to the evaluation moment, oldest first (ties by order id). */
export function purchasesOf(customerId: number, scope: OrderScope): ReferenceOrder[] {
  return scope.shop.orders
    .filter((o) => o.customerId === customerId && o.kind === 'sale' && o.status !== 'cancelled' && Date.parse(o.orderedAt) <= scope.now)
    .sort((a, b) => Date.parse(a.orderedAt) - Date.parse(b.orderedAt) || a.id - b.id);
}
