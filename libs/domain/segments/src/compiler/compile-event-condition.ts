import type { ConditionOfKind } from '@marea/contracts';
import { compileValueTest } from './compile-value-test';
import { customerFigure } from './customer-figures';
import { localDate, type SqlContext } from './sql-context';
import { typedJsonValue } from './typed-json-value';

/** Performed an event type N times within the window, counting only events whose properties pass every filter. */
export function compileEventCondition(condition: ConditionOfKind<'event'>, ctx: SqlContext): string {
  const where = [`e.type = ${ctx.params.add(condition.eventType, 'text')}`, `e.occurred_at <= ${ctx.now}`];
  if (condition.window) where.push(compileValueTest(localDate('e.occurred_at', ctx), 'date', condition.window, ctx));
  for (const property of condition.properties) {
    const value = typedJsonValue('e.properties', ctx.params.add(property.key, 'text'), property.type);
    where.push(`COALESCE(${compileValueTest(value, property.type, property.test, ctx)}, false)`);
  }
  const events = customerFigure(
    ctx,
    { from: `FROM events e\n      WHERE ${where.join('\n        AND ')}`, customer: 'e.customer_id' },
    { aggregate: 'count(*)', empty: '0' },
  );
  const op = { at_least: '>=', at_most: '<=', exactly: '=' }[condition.times.op];
  return `${events} ${op} ${ctx.params.add(condition.times.count, 'integer')}`;
}
