import type { ConditionOfKind } from '@marea/contracts';
import { compileOrderRows, IS_PURCHASE, measureOf, TICKET_DAY } from './compile-order-rows';
import { compileRatioTest, compileValueTest } from './compile-value-test';
import { customerFigure, customerFigures } from './customer-figures';
import type { SqlContext } from './sql-context';

/**
 * count = tickets; sum = net (returns subtracted); average = sum / tickets; min and max = the
 * smallest and largest ticket, a ticket's figure being the sum over its purchases. Units and
 * product filters read order lines, otherwise orders. Without orders, count and sum are 0.
 */
export function compileOrderAggregate(condition: ConditionOfKind<'order_aggregate'>, ctx: SqlContext): string {
  const { aggregate, test } = condition;
  const rows = compileOrderRows(condition.filter, condition.window, aggregate !== 'count' && condition.measure === 'quantity', ctx);
  const measure = measureOf(condition.measure, rows);
  const tickets = { aggregate: `count(DISTINCT ${TICKET_DAY}) FILTER (WHERE ${IS_PURCHASE})`, empty: '0' };
  const total = { aggregate: `sum(${measure})`, empty: '0' };
  switch (aggregate) {
    case 'count':
      return compileValueTest(customerFigure(ctx, rows, tickets), 'number', test, ctx);
    case 'sum':
      return compileValueTest(customerFigure(ctx, rows, total), 'number', test, ctx);
    case 'average': {
      // Each figure is read once, however often the comparison names it.
      const figures = customerFigures(ctx, rows, { total, tickets });
      return (
        `(SELECT ${compileRatioTest('figures.total', 'figures.tickets', test, ctx)}\n` +
        `    FROM (SELECT ${figures.total} AS total, ${figures.tickets} AS tickets) AS figures)`
      );
    }
    case 'min':
    case 'max': {
      const ticketFigures = {
        from: `FROM (SELECT o.customer_id, sum(${measure}) AS figure\n      ${rows.from}\n        AND ${IS_PURCHASE}\n      GROUP BY o.customer_id, ${TICKET_DAY}) AS ticket\n      WHERE TRUE`,
        customer: 'ticket.customer_id',
      };
      return compileValueTest(customerFigure(ctx, ticketFigures, { aggregate: `${aggregate}(ticket.figure)` }), 'number', test, ctx);
    }
  }
}
