/**
 * The membership diff as one set-based statement: customers the rule selects and who are not
 * members enter, current members it no longer selects exit, and each entry and exit becomes a
 * feed row, all under one snapshot. `target` is a query of `(segment_id, customer_id)` pairs,
 * each once; `scope`, a condition on memberships `m`, says which memberships the target covers
 * (a whole segment, or some customers of some segments): only those may exit, and naming it
 * lets the planner read just them. Parameter `$1` is the moment of the change.
 */
export function membershipDiffSql(target: string, scope: string, summary: keyof typeof SUMMARY): string {
  return `
    WITH target AS MATERIALIZED (${target}),
    entered AS (
      INSERT INTO segment_memberships (segment_id, customer_id, entered_at)
      SELECT t.segment_id, t.customer_id, $1 FROM target t
      WHERE NOT EXISTS (
        SELECT 1 FROM segment_memberships m
        WHERE m.segment_id = t.segment_id AND m.customer_id = t.customer_id AND m.exited_at IS NULL AND ${scope})
      ON CONFLICT (segment_id, customer_id) WHERE exited_at IS NULL DO NOTHING
      RETURNING segment_id, customer_id
    ),
    exited AS (
      UPDATE segment_memberships m SET exited_at = $1
      WHERE m.exited_at IS NULL AND ${scope}
        AND NOT EXISTS (SELECT 1 FROM target t WHERE t.segment_id = m.segment_id AND t.customer_id = m.customer_id)
      RETURNING segment_id, customer_id
    ),
    feed AS (
      INSERT INTO segment_feed (segment_id, customer_id, change, at)
      SELECT segment_id, customer_id, 'entered', $1 FROM entered
      UNION ALL
      SELECT segment_id, customer_id, 'exited', $1 FROM exited
      RETURNING segment_id, customer_id, change
    )
    ${SUMMARY[summary]}`;
}

/** One row with the segment's new size, or one row per segment that changed with the customers who moved. */
const SUMMARY = {
  segment: `SELECT (SELECT count(*) FROM target)::int AS size,
              count(*) FILTER (WHERE change = 'entered')::int AS entered,
              count(*) FILTER (WHERE change = 'exited')::int AS exited
            FROM feed`,
  'per-segment': `SELECT segment_id::text AS segment_id,
              count(*) FILTER (WHERE change = 'entered')::int AS entered,
              count(*) FILTER (WHERE change = 'exited')::int AS exited,
              array_agg(customer_id::text) AS customers
            FROM feed GROUP BY segment_id`,
};
