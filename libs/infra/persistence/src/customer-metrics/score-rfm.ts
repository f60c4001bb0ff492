import { RFM_SEGMENT_GRID_ROW_MAJOR } from '@marea/domain/customer-metrics';
import type { SqlQuery } from '../ingestion/sql-query';

/**
 * Deals the RFM quintiles over every customer with a ticket, in one statement, from the figures
 * in customer_metrics. ntile(5) over a total order (value, then customer id descending) is the
 * domain's quintileAt/worstFirst: among equal values the smaller id scores higher. Recency is
 * whole days since the last purchase; the segment comes from the domain's R × FM grid, passed as
 * a parameter. Customers without a ticket lose any score they had.
 */
export async function scoreRfm(sql: SqlQuery, now: Date): Promise<number> {
  const [{ scored }] = await sql<{ scored: number }>(
    `WITH base AS (
       SELECT customer_id, ticket_count, revenue, margin,
              floor(extract(epoch FROM $1::timestamptz - last_purchase_at) / 86400) AS days_since
       FROM customer_metrics WHERE ticket_count > 0
     ),
     scores AS (
       SELECT customer_id,
              ntile(5) OVER (ORDER BY days_since DESC, customer_id DESC) AS r,
              ntile(5) OVER (ORDER BY ticket_count, customer_id DESC) AS f,
              ntile(5) OVER (ORDER BY revenue, customer_id DESC) AS m,
              ntile(5) OVER (ORDER BY margin, customer_id DESC) AS mg
       FROM base
     ),
     named AS (
       SELECT m.customer_id, s.r, s.f, s.m, s.mg,
              ($2::text[])[(s.r - 1) * 5 + (s.f + s.m + 1) / 2] AS segment
       FROM customer_metrics m LEFT JOIN scores s ON s.customer_id = m.customer_id
     ),
     changed AS (
       UPDATE customer_metrics c
       SET rfm_recency = n.r, rfm_frequency = n.f, rfm_monetary = n.m, rfm_margin = n.mg, rfm_segment = n.segment
       FROM named n
       WHERE n.customer_id = c.customer_id
         AND (c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.rfm_margin, c.rfm_segment)
             IS DISTINCT FROM (n.r::smallint, n.f::smallint, n.m::smallint, n.mg::smallint, n.segment)
       RETURNING 1
     )
     INSERT INTO rfm_runs (id, computed_at, customers)
     VALUES (1, $1, (SELECT count(*) FROM base))
     ON CONFLICT (id) DO UPDATE SET computed_at = EXCLUDED.computed_at, customers = EXCLUDED.customers
     RETURNING customers AS scored`,
    [now, RFM_SEGMENT_GRID_ROW_MAJOR],
  );
  return scored;
}
