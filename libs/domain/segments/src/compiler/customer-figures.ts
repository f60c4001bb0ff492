import type { SqlContext } from './sql-context';

/** Rows of every customer that a figure aggregates: `FROM … WHERE …`, and the column naming the customer. */
export interface FigureRows {
  from: string;
  customer: string;
}

/** An aggregate over a customer's rows, and its value for a customer without rows (if not NULL). */
export interface FigureColumn {
  aggregate: string;
  empty?: string;
}

/**
 * Per-customer figures over rows, as the plan wants them: correlated subqueries, or one
 * GROUP BY over all customers joined once. Returns an SQL expression per figure.
 */
export function customerFigures<K extends string>(ctx: SqlContext, rows: FigureRows, columns: Record<K, FigureColumn>): Record<K, string> {
  const names = Object.keys(columns) as K[];
  const withEmpty = (expression: string, empty: string | undefined) => (empty === undefined ? expression : `COALESCE(${expression}, ${empty})`);
  if (ctx.plan === 'per-customer') {
    return Object.fromEntries(
      names.map((name) => [
        name,
        withEmpty(`(SELECT ${columns[name].aggregate}\n      ${rows.from}\n        AND ${rows.customer} = c.id)`, columns[name].empty),
      ]),
    ) as Record<K, string>;
  }
  const alias = `f${ctx.joins.length + 1}`;
  const selected = names.map((name) => `${columns[name].aggregate} AS ${name}`).join(', ');
  ctx.joins.push(
    `LEFT JOIN (SELECT ${rows.customer} AS customer_id, ${selected}\n      ${rows.from}\n      GROUP BY ${rows.customer}) AS ${alias} ON ${alias}.customer_id = c.id`,
  );
  return Object.fromEntries(names.map((name) => [name, withEmpty(`${alias}.${name}`, columns[name].empty)])) as Record<K, string>;
}

export function customerFigure(ctx: SqlContext, rows: FigureRows, column: FigureColumn): string {
  return customerFigures(ctx, rows, { figure: column }).figure;
}
