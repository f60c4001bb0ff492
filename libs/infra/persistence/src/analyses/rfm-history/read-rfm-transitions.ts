import { RfmSegmentName, RfmTransitionTable, type RfmTransitionsQuery } from '@marea/contracts';
import type { SqlQuery } from '../../ingestion/sql-query';

/**
 * The movement between RFM segments from the end of day `from` to the end of day `to` (days in
 * the account's time zone), computed in SQL from the history's intervals: a customer's segment at
 * an instant is the interval that started before it and had not ended. Only customers with a
 * segment at both ends are counted. Rows and columns follow RfmSegmentName's order.
 */
export async function readRfmTransitions(sql: SqlQuery, query: RfmTransitionsQuery, computedAt: Date): Promise<RfmTransitionTable> {
  const rows = await sql<{ from_segment: string; to_segment: string; customers: number }>(
    `WITH bounds AS (
       SELECT ($1::date + 1)::timestamp AT TIME ZONE timezone AS from_end, ($2::date + 1)::timestamp AT TIME ZONE timezone AS to_end
       FROM account
     ),
     held_at_from AS (
       SELECT h.customer_id, h.segment FROM rfm_segment_history h, bounds b
       WHERE h.valid_from < b.from_end AND (h.valid_to IS NULL OR h.valid_to >= b.from_end)
     ),
     held_at_to AS (
       SELECT h.customer_id, h.segment FROM rfm_segment_history h, bounds b
       WHERE h.valid_from < b.to_end AND (h.valid_to IS NULL OR h.valid_to >= b.to_end)
     )
     SELECT f.segment AS from_segment, t.segment AS to_segment, count(*)::int AS customers
     FROM held_at_from f JOIN held_at_to t ON t.customer_id = f.customer_id
     GROUP BY f.segment, t.segment`,
    [query.from, query.to],
  );
  const segments = RfmSegmentName.options;
  const index = new Map<string, number>(segments.map((segment, i) => [segment, i]));
  const counts = segments.map(() => segments.map(() => 0));
  for (const row of rows) {
    const from = index.get(row.from_segment);
    const to = index.get(row.to_segment);
    if (from !== undefined && to !== undefined) counts[from][to] = row.customers;
  }
  return RfmTransitionTable.parse({ from: query.from, to: query.to, segments, counts, computedAt: computedAt.toISOString() });
}
