import type { SegmentCatalogue } from '@marea/contracts';
import { SqlParameters } from './sql-parameters';

/** What every compiled condition may refer to: the statement's parameters and the evaluation moment. */
export interface SqlContext {
  readonly params: SqlParameters;
  readonly catalogue: SegmentCatalogue;
  /** `$1::timestamptz`: the evaluation moment. */
  readonly now: string;
  /** `$2::text`: the account's time zone, in which dates are calendar days. */
  readonly timeZone: string;
  /** The calendar day of the evaluation moment in the account's time zone. */
  readonly today: string;
}

export function createSqlContext(now: Date, catalogue: SegmentCatalogue): SqlContext {
  const params = new SqlParameters();
  const nowParam = params.add(now.toISOString(), 'timestamptz');
  const timeZone = params.add(catalogue.timeZone, 'text');
  return { params, catalogue, now: nowParam, timeZone, today: `(${nowParam} AT TIME ZONE ${timeZone})::date` };
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
