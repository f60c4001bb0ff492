import type { SqlQuery } from '../ingestion/sql-query';
import { customerFiguresSql } from './customer-figures-sql';

const FIGURE_COLUMNS = [
  'ticket_count', 'ticket_count_12m', 'revenue', 'revenue_12m', 'margin', 'margin_12m', 'average_ticket',
  'average_unit_price', 'units', 'returns_count', 'first_purchase_at', 'first_store_id', 'last_purchase_at',
  'last_activity_at', 'primary_affinity', 'secondary_affinity', 'clv_state',
];

/**
 * Writes computed figures (`figures`: a query returning the columns of customerFiguresSql) into
 * customer_metrics in one statement: rows are upserted (unchanged rows are not rewritten), and
 * rows of the customers in `scope` left without any activity are deleted. RFM scores are left as
 * they are: they are relative to the whole base and dealt by `scoreRfm`. Returns the rows written.
 */
async function writeFigures(sql: SqlQuery, figures: string, scope: string, parameters: unknown[]): Promise<number> {
  const [{ written }] = await sql<{ written: number }>(
    `WITH figures AS (${figures}),
     upserted AS (
       INSERT INTO customer_metrics AS m (customer_id, ${FIGURE_COLUMNS.join(', ')}, computed_at)
       SELECT customer_id, ${FIGURE_COLUMNS.join(', ')}, $1::timestamptz FROM figures ORDER BY customer_id
       ON CONFLICT (customer_id) DO UPDATE
         SET ${FIGURE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, computed_at = EXCLUDED.computed_at
         WHERE (${FIGURE_COLUMNS.map((c) => `m.${c}`).join(', ')}, m.computed_at)
               IS DISTINCT FROM (${FIGURE_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')}, EXCLUDED.computed_at)
       RETURNING customer_id
     ),
     emptied AS (
       DELETE FROM customer_metrics m
       WHERE ${scope} AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.customer_id = m.customer_id)
       RETURNING customer_id
     )
     SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM emptied))::int AS written`,
    parameters,
  );
  return written;
}

/** Refreshes the figures of a few customers (after a batch wrote their orders), as of `now`. */
export function refreshCustomerMetricsOf(sql: SqlQuery, customerIds: string[], now: Date): Promise<number> {
  if (customerIds.length === 0) return Promise.resolve(0);
  return writeFigures(sql, customerFiguresSql('listed', 'ranked'), 'm.customer_id = ANY($2::bigint[])', [now, customerIds]);
}

/**
 * Refreshes the figures of every customer, as of `now`, set-based over all orders. The figures
 * are computed into a temporary table first, so the rows of customer_metrics are locked (and
 * ingestion batches of those customers wait) only for the short write at the end, not for the
 * whole computation. Call it inside a transaction: the table is dropped at commit.
 */
export async function refreshAllCustomerFigures(sql: SqlQuery, now: Date): Promise<number> {
  await sql(`CREATE TEMPORARY TABLE fresh_customer_figures ON COMMIT DROP AS ${customerFiguresSql('all', 'ranked')}`, [now]);
  await sql(`ANALYZE fresh_customer_figures`);
  return writeFigures(sql, 'SELECT * FROM fresh_customer_figures', 'true', [now]);
}
