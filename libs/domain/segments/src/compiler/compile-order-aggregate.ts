import type { ConditionOfKind } from '@marea/contracts';
import { compileOrderRows, IS_PURCHASE, measureOf, TICKET_DAY } from './compile-order-rows';
import { compileRatioTest, compileValueTest } from './compile-value-test';
import type { SqlContext } from './sql-context';

/**
 * count = tickets; sum = net (returns subtracted); average = sum / tickets; min and max = the
 * smallest and largest ticket, a ticket's figure being the sum over its purchases. Units and
 * product filters read order lines, otherwise orders.
 */
export function compileOrderAggregate(condition: ConditionOfKind<'order_aggregate'>, ctx: SqlContext): string {
  const { aggregate, test } = condition;
  const rows = compileOrderRows(condition.filter, condition.window, aggregate !== 'count' && condition.measure === 'quantity', ctx);
  const measure = measureOf(condition.measure, rows);
  const tickets = `count(DISTINCT ${TICKET_DAY}) FILTER (WHERE ${IS_PURCHASE})`;
  switch (aggregate) {
    case 'count':
      return compileValueTest(`(SELECT ${tickets}\n      ${rows.from})`, 'number', test, ctx);
    case 'sum':
      return compileValueTest(`(SELECT COALESCE(sum(${measure}), 0)\n      ${rows.from})`, 'number', test, ctx);
    case 'average':
      return (
        `(SELECT ${compileRatioTest('figures.total', 'figures.tickets', test, ctx)}\n` +
        `    FROM (SELECT COALESCE(sum(${measure}), 0) AS total, ${tickets} AS tickets\n      ${rows.from}) AS figures)`
      );
    case 'min':
    case 'max':
      return compileValueTest(
        `(SELECT ${aggregate}(ticket.figure) FROM (SELECT sum(${measure}) AS figure\n      ${rows.from}\n        AND ${IS_PURCHASE}\n      GROUP BY ${TICKET_DAY}) AS ticket)`,
        'number',
        test,
        ctx,
      );
  }
}
