import type { SegmentCatalogue } from '@marea/contracts';
import { SqlParameters } from './sql-parameters';

/**
 * How the statement reads per-customer figures (order counts, sums, event counts …):
 * - `per-customer`: a correlated subquery per customer, through the (customer_id, …) indexes.
 *   Fast for a few customers (real-time re-evaluation, `WHERE customer_id = ANY(…)` around it);
 *   one index probe per customer and figure on a whole base.
 * - `whole-base`: each figure is computed once for every customer (GROUP BY customer_id) and
 *   joined: what a full recompute of a large base wants, and wasteful for a handful of customers.
 * Both select the same customers; the differential test runs every rule both ways.
 */
export type SegmentSqlPlan = 'per-customer' | 'whole-base';

/** What every compiled condition may refer to: the statement's parameters and the evaluation moment. */
export interface SqlContext {
  readonly params: SqlParameters;
  readonly catalogue: SegmentCatalogue;
  readonly plan: SegmentSqlPlan;
  /** The evaluation moment, e.g. `$1::timestamptz`. */
  readonly now: string;
  /** The account's time zone, in which dates are calendar days. */
  readonly timeZone: string;
  /** The calendar day of the evaluation moment in the account's time zone. */
  readonly today: string;
  /** Per-customer figures (whole-base plan) joined to `customers c` on `customer_id`. */
  readonly joins: string[];
}

/**
 * The moment and the time zone become parameters when a condition first uses them:
 * PostgreSQL rejects a statement with a parameter it never reads (its type is unknown).
 */
export function createSqlContext(now: Date, catalogue: SegmentCatalogue, plan: SegmentSqlPlan): SqlContext {
  const params = new SqlParameters();
  let nowParam: string | undefined;
  let zoneParam: string | undefined;
  return {
    params,
    catalogue,
    plan,
    joins: [],
    get now() {
      return (nowParam ??= params.add(now.toISOString(), 'timestamptz'));
    },
    get timeZone() {
      return (zoneParam ??= params.add(catalogue.timeZone, 'text'));
    },
    get today() {
      return `(${this.now} AT TIME ZONE ${this.timeZone})::date`;
    },
  };
}

/** The calendar day, in the account's time zone, of a timestamptz expression. */
export function localDate(instant: string, ctx: SqlContext): string {
  return `(${instant} AT TIME ZONE ${ctx.timeZone})::date`;
}

/** Indents every line of a fragment so nested predicates read as a tree in the snapshots. */
export function indent(sql: string, by = '  '): string {
  return sql
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}
