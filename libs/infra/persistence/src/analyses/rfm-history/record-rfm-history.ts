import type { SqlQuery } from '../../ingestion/sql-query';

export interface RfmHistoryChanges {
  /** Intervals closed: customers who left a segment. */
  closed: number;
  /** Intervals opened: customers who entered one (new, or moved). */
  opened: number;
}

/**
 * Brings rfm_segment_history level with customer_metrics.rfm_segment as of `at`, in one
 * statement: the customers whose segment differs from their open interval get it closed at `at`
 * and a new one opened (a customer who lost their segment only gets theirs closed). Unchanged
 * customers are not touched, so the table grows with the changes. History is never rewritten
 * backwards: an open interval that starts at or after `at` is left as it is.
 */
export async function recordRfmHistory(sql: SqlQuery, at: Date): Promise<RfmHistoryChanges> {
  const [changes] = await sql<RfmHistoryChanges>(
    `WITH now_held AS (
       SELECT customer_id, rfm_segment AS segment FROM customer_metrics WHERE rfm_segment IS NOT NULL
     ),
     open AS (
       SELECT customer_id, segment, valid_from FROM rfm_segment_history WHERE valid_to IS NULL
     ),
     changed AS (
       SELECT coalesce(n.customer_id, o.customer_id) AS customer_id, n.segment AS new_segment, o.segment AS old_segment
       FROM now_held n FULL JOIN open o ON o.customer_id = n.customer_id
       WHERE n.segment IS DISTINCT FROM o.segment AND (o.valid_from IS NULL OR o.valid_from < $1::timestamptz)
     ),
     closed AS (
       UPDATE rfm_segment_history h SET valid_to = $1
       FROM changed c
       WHERE h.customer_id = c.customer_id AND h.valid_to IS NULL AND c.old_segment IS NOT NULL
       RETURNING 1
     ),
     opened AS (
       INSERT INTO rfm_segment_history (customer_id, segment, valid_from)
       SELECT customer_id, new_segment, $1 FROM changed WHERE new_segment IS NOT NULL
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM closed)::int AS closed, (SELECT count(*) FROM opened)::int AS opened`,
    [at],
  );
  return changes;
}
