import type { IncludeExclude, OrderFilter, ValueTest } from '@marea/contracts';
import { compileValueTest } from './compile-value-test';
import type { FigureRows } from './customer-figures';
import { localDate, type SqlContext } from './sql-context';

/**
 * The rows an order condition reads, following the purchase definitions of
 * docs/customer-metrics.md: cancelled orders count for nothing, money is in the account
 * currency, a ticket is a calendar day of purchases in the store's time zone. Orders after the
 * evaluation moment are not yet history and are left out.
 */
export interface OrderRows extends FigureRows {
  /** `FROM … WHERE …` over orders `o` (stores `s`) and, when by line, lines `ol`, of every customer. */
  from: string;
  /** True when the rows are order lines (a product filter, or units). */
  byLine: boolean;
}

/** The calendar day of a purchase in its store's time zone: the ticket. */
export const TICKET_DAY = '(o.ordered_at AT TIME ZONE s.timezone)::date';
export const IS_PURCHASE = `o.kind = 'sale'`;

function includeExclude(names: IncludeExclude | undefined, matches: (list: string) => string, ctx: SqlContext): string[] {
  if (!names) return [];
  const predicates: string[] = [];
  if (names.include.length) predicates.push(matches(ctx.params.add(names.include, 'text[]')));
  if (names.exclude.length) predicates.push(`NOT ${matches(ctx.params.add(names.exclude, 'text[]'))}`);
  return predicates;
}

/** A category filter takes the category and everything under it ("Jardín" takes "Jardín > Plantas"). */
function inCategories(list: string): string {
  return (
    `EXISTS (SELECT 1 FROM product_categories pc JOIN categories k ON k.id = pc.category_id\n` +
    `        WHERE pc.product_id = ol.product_id\n` +
    `          AND (k.path = ANY(${list}) OR EXISTS (SELECT 1 FROM unnest(${list}) AS wanted(path) WHERE starts_with(k.path, wanted.path || ' > '))))`
  );
}

export function hasLineFilter(filter: OrderFilter): boolean {
  const listed = (names: IncludeExclude | undefined) => !!names && names.include.length + names.exclude.length > 0;
  return listed(filter.products) || listed(filter.categories) || (filter.productAttributes ?? []).some(listed);
}

export function compileOrderRows(filter: OrderFilter, window: ValueTest | undefined, byLine: boolean, ctx: SqlContext): OrderRows {
  const where = [`o.status <> 'cancelled'`, `o.ordered_at <= ${ctx.now}`];
  if (window) where.push(compileValueTest(localDate('o.ordered_at', ctx), 'date', window, ctx));
  where.push(...includeExclude(filter.stores, (list) => `(s.external_id = ANY(${list}))`, ctx));
  where.push(...includeExclude(filter.channels, (list) => `(o.channel = ANY(${list}))`, ctx));
  const lines = byLine || hasLineFilter(filter);
  if (lines) {
    where.push(
      ...includeExclude(filter.products, (list) => `(ol.product_id IN (SELECT p.id FROM products p WHERE p.external_id = ANY(${list})))`, ctx),
      ...includeExclude(filter.categories, inCategories, ctx),
    );
    for (const attribute of filter.productAttributes ?? []) {
      if (attribute.include.length + attribute.exclude.length === 0) continue;
      const key = ctx.params.add(attribute.key, 'text');
      where.push(
        ...includeExclude(
          attribute,
          (list) => `COALESCE((SELECT p.attributes ->> ${key} FROM products p WHERE p.id = ol.product_id) = ANY(${list}), false)`,
          ctx,
        ),
      );
    }
  }
  const from =
    `FROM orders o JOIN stores s ON s.id = o.store_id` +
    (lines ? ` JOIN order_lines ol ON ol.order_id = o.id` : '') +
    `\n      WHERE ${where.join('\n        AND ')}`;
  return { from, customer: 'o.customer_id', byLine: lines };
}

/** A measure of one row: money in the account currency (net: returns are negative), or units. */
export function measureOf(measure: 'amount' | 'margin' | 'quantity', rows: OrderRows): string {
  if (!rows.byLine) return measure === 'amount' ? 'o.total_account' : 'COALESCE(o.margin_account, 0)';
  switch (measure) {
    case 'amount':
      return 'ol.total * o.fx_rate';
    case 'margin':
      return 'COALESCE((ol.total - ol.tax - ol.cost) * o.fx_rate, 0)';
    case 'quantity':
      return 'ol.quantity';
  }
}
