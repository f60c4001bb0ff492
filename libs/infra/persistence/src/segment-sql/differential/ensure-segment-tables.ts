import type { DataSource } from 'typeorm';

/**
 * The tables segment rules read that other migrations create (customer_metrics in
 * 1764200000000, segments and segment_memberships in 1764300000000). Until those migrations
 * are in the template, a test creates them with exactly the columns rules read.
 */
export async function ensureSegmentTables(db: DataSource): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS customer_metrics (
      customer_id bigint PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
      ticket_count int, ticket_count_12m int, revenue numeric(14,2), revenue_12m numeric(14,2),
      margin numeric(14,2), margin_12m numeric(14,2), average_ticket numeric(14,2),
      average_unit_price numeric(14,4), units numeric(14,3), returns_count int,
      first_purchase_at timestamptz, first_store_id int, last_purchase_at timestamptz,
      last_activity_at timestamptz, primary_affinity text, secondary_affinity text,
      rfm_recency smallint, rfm_frequency smallint, rfm_monetary smallint, rfm_margin smallint,
      rfm_segment text, clv_state text, predicted_clv numeric(14,2), computed_at timestamptz
    );
    CREATE TABLE IF NOT EXISTS segments (id bigint PRIMARY KEY, code text NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS segment_memberships (
      segment_id bigint NOT NULL, customer_id bigint NOT NULL,
      entered_at timestamptz NOT NULL, exited_at timestamptz NULL
    );
  `);
}
