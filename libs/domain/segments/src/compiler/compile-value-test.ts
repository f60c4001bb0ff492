import type { RuleValueType, ValueTest } from '@marea/contracts';
import type { SqlContext } from './sql-context';

/** Month and day as the database's `month_day(date)` writes them: 12-02 → 1202. */
function monthDayNumber(md: string): number {
  return Number(md.slice(0, 2)) * 100 + Number(md.slice(3, 5));
}

/** The month-day range test, wrapping across the year end when the range starts after it ends. */
function monthDayRange(md: string, from: string, to: string, wraps: string): string {
  return `CASE WHEN ${wraps} THEN (${md} >= ${from} OR ${md} <= ${to}) ELSE ${md} BETWEEN ${from} AND ${to} END`;
}

function dateTest(v: string, test: ValueTest, ctx: SqlContext): string {
  const { params } = ctx;
  const date = (value: string | number) => params.add(value, 'date');
  const days = (n: number) => params.add(n, 'integer');
  switch (test.op) {
    case 'equals':
      return `${v} = ${date(String(test.value))}`;
    case 'not_equals':
      return `(${v} IS NULL OR ${v} <> ${date(String(test.value))})`;
    case 'before':
      return `${v} < ${date(test.date)}`;
    case 'after':
      return `${v} > ${date(test.date)}`;
    case 'between':
      return `${v} BETWEEN ${date(test.from)} AND ${date(test.to)}`;
    case 'in_last_days':
      return `${v} BETWEEN ${ctx.today} - ${days(test.days)} AND ${ctx.today}`;
    case 'in_next_days':
      return `${v} BETWEEN ${ctx.today} AND ${ctx.today} + ${days(test.days)}`;
    case 'before_days_from_now':
      return `${v} < ${ctx.today} + ${days(test.days)}`;
    case 'after_days_from_now':
      return `${v} > ${ctx.today} + ${days(test.days)}`;
    case 'this_month':
      return `date_trunc('month', ${v}::timestamp) = date_trunc('month', ${ctx.today}::timestamp)`;
    case 'last_month':
      return `date_trunc('month', ${v}::timestamp) = date_trunc('month', ${ctx.today}::timestamp) - interval '1 month'`;
    case 'anniversary_between': {
      const from = monthDayNumber(test.from);
      const to = monthDayNumber(test.to);
      const md = `month_day(${v})`;
      return from <= to
        ? `${md} BETWEEN ${params.add(from, 'integer')} AND ${params.add(to, 'integer')}`
        : `(${md} >= ${params.add(from, 'integer')} OR ${md} <= ${params.add(to, 'integer')})`;
    }
    case 'anniversary_in_days': {
      // A span of a year or more holds every day of the year.
      if (test.to - test.from >= 365) return `${v} IS NOT NULL`;
      const from = `month_day(${ctx.today} + ${days(test.from)})`;
      const to = `month_day(${ctx.today} + ${days(test.to)})`;
      return monthDayRange(`month_day(${v})`, from, to, `${from} > ${to}`);
    }
    case 'is_empty':
      return `${v} IS NULL`;
    case 'is_not_empty':
      return `${v} IS NOT NULL`;
    default:
      throw new Error(`a date cannot use ${test.op}`);
  }
}

function numberTest(v: string, test: ValueTest, ctx: SqlContext): string {
  const num = (value: unknown) => ctx.params.add(Number(value), 'numeric');
  switch (test.op) {
    case 'equals':
      return `${v} = ${num(test.value)}`;
    case 'not_equals':
      return `(${v} IS NULL OR ${v} <> ${num(test.value)})`;
    case 'gt':
      return `${v} > ${num(test.value)}`;
    case 'gte':
      return `${v} >= ${num(test.value)}`;
    case 'lt':
      return `${v} < ${num(test.value)}`;
    case 'lte':
      return `${v} <= ${num(test.value)}`;
    case 'between':
      return `${v} BETWEEN ${num(test.from)} AND ${num(test.to)}`;
    case 'is_empty':
      return `${v} IS NULL`;
    case 'is_not_empty':
      return `${v} IS NOT NULL`;
    default:
      throw new Error(`a number cannot use ${test.op}`);
  }
}

function textTest(v: string, test: ValueTest, ctx: SqlContext): string {
  const text = (value: unknown) => ctx.params.add(String(value), 'text');
  switch (test.op) {
    case 'equals':
      return `${v} = ${text(test.value)}`;
    case 'not_equals':
      return `(${v} IS NULL OR ${v} <> ${text(test.value)})`;
    case 'in':
      return `${v} = ANY(${ctx.params.add(test.values.map(String), 'text[]')})`;
    case 'not_in':
      return `(${v} IS NULL OR ${v} <> ALL(${ctx.params.add(test.values.map(String), 'text[]')}))`;
    case 'contains':
      return `strpos(${v}, ${text(test.value)}) > 0`;
    case 'not_contains':
      return `(${v} IS NULL OR strpos(${v}, ${text(test.value)}) = 0)`;
    case 'starts_with':
      return `starts_with(${v}, ${text(test.value)})`;
    case 'is_empty':
      return `(${v} IS NULL OR ${v} = '')`;
    case 'is_not_empty':
      return `${v} <> ''`;
    default:
      throw new Error(`a text cannot use ${test.op}`);
  }
}

function booleanTest(v: string, test: ValueTest): string {
  switch (test.op) {
    case 'is_true':
      return `${v} IS TRUE`;
    case 'is_false':
      return `${v} IS FALSE`;
    case 'is_empty':
      return `${v} IS NULL`;
    case 'is_not_empty':
      return `${v} IS NOT NULL`;
    default:
      throw new Error(`true/false cannot use ${test.op}`);
  }
}

/**
 * The predicate that a value (an SQL expression of the given type; dates as `date`) passes the
 * test. Empty values (NULL, and '' for text) pass only "is empty" and the negative operators
 * ("is not", "is none of", "does not contain"); the caller turns a NULL result into false.
 */
export function compileValueTest(v: string, type: RuleValueType, test: ValueTest, ctx: SqlContext): string {
  // A value computed by a subquery is computed once, however often the test names it.
  if (/\bSELECT\b/.test(v)) return `(SELECT ${compileValueTest('value.v', type, test, ctx)}\n    FROM (SELECT ${v} AS v) AS value)`;
  switch (type) {
    case 'date':
      return dateTest(v, test, ctx);
    case 'number':
      return numberTest(v, test, ctx);
    case 'text':
      return textTest(v, test, ctx);
    case 'boolean':
      return booleanTest(v, test);
  }
}

/**
 * An average compared without dividing: `total / count op x` as `total op x * count`, so the
 * comparison is exact in numeric arithmetic. A customer without tickets has no average.
 */
export function compileRatioTest(total: string, count: string, test: ValueTest, ctx: SqlContext): string {
  const num = (value: unknown) => ctx.params.add(Number(value), 'numeric');
  const has = `${count} > 0`;
  switch (test.op) {
    case 'equals':
      return `(${has} AND ${total} = ${num(test.value)} * ${count})`;
    case 'not_equals':
      return `(${count} = 0 OR ${total} <> ${num(test.value)} * ${count})`;
    case 'gt':
      return `(${has} AND ${total} > ${num(test.value)} * ${count})`;
    case 'gte':
      return `(${has} AND ${total} >= ${num(test.value)} * ${count})`;
    case 'lt':
      return `(${has} AND ${total} < ${num(test.value)} * ${count})`;
    case 'lte':
      return `(${has} AND ${total} <= ${num(test.value)} * ${count})`;
    case 'between':
      return `(${has} AND ${total} >= ${num(test.from)} * ${count} AND ${total} <= ${num(test.to)} * ${count})`;
    case 'is_empty':
      return `${count} = 0`;
    case 'is_not_empty':
      return has;
    default:
      throw new Error(`an average cannot use ${test.op}`);
  }
}
