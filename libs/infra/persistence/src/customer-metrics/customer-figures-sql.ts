import { AFFINITY_MINIMUM_TICKETS } from '@marea/domain/customer-metrics';
import { recencyStateSql } from '../analyses/clv-model/recency-state-sql';

/**
 * Which customers a figures query covers. `listed`: the ids in `$2::bigint[]` (one customer for
 * the profile; index-driven through orders_customer_time_idx). `all`: the whole base, set-based.
 */
export type FiguresScope = 'listed' | 'all';

/**
 * What the query returns besides the figures: `ranked` names the two affinities in SQL (for the
 * summary table), `spends` hands every category's net spend to the domain's affinity rule (for
 * the profile, which shows shares).
 */
export type AffinityOutput = 'ranked' | 'spends';

/** One customer's figures as the query returns them (numeric columns come back as text). */
export interface CustomerFiguresRow {
  customer_id: string;
  ticket_count: number;
  ticket_count_12m: number;
  revenue: string;
  revenue_12m: string;
  margin: string;
  margin_12m: string;
  average_ticket: string | null;
  average_unit_price: string | null;
  units: string;
  returns_count: number;
  first_purchase_at: Date | null;
  first_store_id: number | null;
  last_purchase_at: Date | null;
  last_activity_at: Date | null;
  clv_state: string | null;
  line_spend: string | null;
  primary_affinity?: string | null;
  secondary_affinity?: string | null;
  category_spends?: { value: string; spend: string }[] | null;
}

/**
 * The purchase definitions of docs/customer-metrics.md as one SQL query, shared by the live
 * profile and the refresh of customer_metrics so both always agree. Parameters: $1 the "now"
 * the figures are computed for (orders after it are not counted yet), $2 the customer ids when
 * the scope is `listed`.
 *
 * - purchases are sales not cancelled, returns are returns not cancelled; money is the order's
 *   total/margin in the account currency (an unknown margin adds 0), returns negative;
 * - a ticket is a distinct local day (store time zone) of a customer's purchases;
 * - the last 12 months are ordered_at > now − 12 months;
 * - units are line quantities, line money is line total × the order's rate;
 * - last activity is the newest order (any status), event or consent change.
 */
export function customerFiguresSql(scope: FiguresScope, affinity: AffinityOutput): string {
  const customers = (alias: string) => (scope === 'listed' ? `AND ${alias}.customer_id = ANY($2::bigint[])` : '');
  return `
    WITH counted AS (
      SELECT o.id, o.customer_id, o.kind, o.ordered_at, o.store_id, o.fx_rate, o.total_account, o.margin_account,
             (o.ordered_at AT TIME ZONE s.timezone)::date AS local_day,
             o.ordered_at > $1::timestamptz - interval '12 months' AS recent
      FROM orders o JOIN stores s ON s.id = o.store_id
      WHERE o.status <> 'cancelled' AND o.ordered_at <= $1::timestamptz ${customers('o')}
    ),
    totals AS (
      SELECT customer_id,
             count(DISTINCT local_day) FILTER (WHERE kind = 'sale')::int AS ticket_count,
             count(DISTINCT local_day) FILTER (WHERE kind = 'sale' AND recent)::int AS ticket_count_12m,
             sum(total_account) AS revenue,
             coalesce(sum(total_account) FILTER (WHERE recent), 0) AS revenue_12m,
             coalesce(sum(margin_account), 0) AS margin,
             coalesce(sum(margin_account) FILTER (WHERE recent), 0) AS margin_12m,
             count(*) FILTER (WHERE kind = 'return')::int AS returns_count,
             min(ordered_at) FILTER (WHERE kind = 'sale') AS first_purchase_at,
             max(ordered_at) FILTER (WHERE kind = 'sale') AS last_purchase_at
      FROM counted GROUP BY customer_id
    ),
    first_store AS (
      SELECT DISTINCT ON (customer_id) customer_id, store_id
      FROM counted WHERE kind = 'sale' ORDER BY customer_id, ordered_at, id
    ),
    lines AS (
      SELECT c.customer_id, l.product_id, l.quantity, l.total * c.fx_rate AS spend
      FROM counted c JOIN order_lines l ON l.order_id = c.id
    ),
    line_totals AS (
      SELECT customer_id, sum(quantity) AS units, sum(spend) AS line_spend FROM lines GROUP BY customer_id
    ),
    -- Grouped by category id and named afterwards: cheaper than grouping on the path text.
    category_spend AS (
      SELECT spent.customer_id, cat.path, spent.spend
      FROM (
        SELECT li.customer_id, pc.category_id, sum(li.spend) AS spend
        FROM lines li JOIN product_categories pc ON pc.product_id = li.product_id
        ${affinity === 'ranked' ? ENOUGH_TICKETS : ''}
        GROUP BY li.customer_id, pc.category_id
      ) AS spent
      JOIN categories cat ON cat.id = spent.category_id
    ),
    activity AS (
      SELECT customer_id, max(at) AS last_activity_at FROM (
        SELECT o.customer_id, max(o.ordered_at) AS at FROM orders o
          WHERE o.ordered_at <= $1::timestamptz ${customers('o')} GROUP BY o.customer_id
        UNION ALL
        SELECT e.customer_id, max(e.occurred_at) FROM events e
          WHERE e.occurred_at <= $1::timestamptz ${customers('e')} GROUP BY e.customer_id
        UNION ALL
        SELECT cc.customer_id, max(cc.changed_at) FROM consent_changes cc
          WHERE cc.changed_at <= $1::timestamptz ${customers('cc')} GROUP BY cc.customer_id
      ) AS newest GROUP BY customer_id
    )
    ${affinity === 'ranked' ? RANKED_AFFINITY : ''}
    SELECT a.customer_id,
           coalesce(t.ticket_count, 0) AS ticket_count,
           coalesce(t.ticket_count_12m, 0) AS ticket_count_12m,
           coalesce(t.revenue, 0) AS revenue,
           coalesce(t.revenue_12m, 0) AS revenue_12m,
           coalesce(t.margin, 0) AS margin,
           coalesce(t.margin_12m, 0) AS margin_12m,
           round(t.revenue / nullif(t.ticket_count, 0), 2) AS average_ticket,
           CASE WHEN lt.units > 0 THEN round(t.revenue / lt.units, 4) END AS average_unit_price,
           coalesce(lt.units, 0) AS units,
           coalesce(t.returns_count, 0) AS returns_count,
           t.first_purchase_at, fs.store_id AS first_store_id, t.last_purchase_at,
           a.last_activity_at, ${recencyStateSql('t.last_purchase_at', '$1::timestamptz')} AS clv_state, lt.line_spend,
           ${affinity === 'ranked' ? AFFINITY_COLUMNS : SPENDS_COLUMN}
    FROM activity a
    LEFT JOIN totals t ON t.customer_id = a.customer_id
    LEFT JOIN first_store fs ON fs.customer_id = a.customer_id
    LEFT JOIN line_totals lt ON lt.customer_id = a.customer_id
    ${affinity === 'ranked' ? AFFINITY_JOINS : ''}`;
}

// The domain's affinity rule (pickAffinities) in SQL: values with net spend > 0, largest first,
// ties by name in code-point order, only from enough tickets and a positive net spend on lines.
const RANKED_AFFINITY = `,
    ranked_affinity AS (
      SELECT cs.customer_id, cs.path,
             row_number() OVER (PARTITION BY cs.customer_id ORDER BY cs.spend DESC, cs.path COLLATE "C") AS rank
      FROM category_spend cs
      JOIN line_totals lt ON lt.customer_id = cs.customer_id AND lt.line_spend > 0
      JOIN totals t ON t.customer_id = cs.customer_id AND t.ticket_count >= ${AFFINITY_MINIMUM_TICKETS}
      WHERE cs.spend > 0
    )`;
// The heaviest part of a whole-base refresh is lines × categories: skip customers who will not be shown any.
const ENOUGH_TICKETS = `WHERE li.customer_id IN (SELECT customer_id FROM totals WHERE ticket_count >= ${AFFINITY_MINIMUM_TICKETS})`;
const AFFINITY_COLUMNS = `p.path AS primary_affinity, s.path AS secondary_affinity`;
const AFFINITY_JOINS = `
    LEFT JOIN ranked_affinity p ON p.customer_id = a.customer_id AND p.rank = 1
    LEFT JOIN ranked_affinity s ON s.customer_id = a.customer_id AND s.rank = 2`;
const SPENDS_COLUMN = `(SELECT json_agg(json_build_object('value', cs.path, 'spend', cs.spend::text))
            FROM category_spend cs WHERE cs.customer_id = a.customer_id) AS category_spends`;
