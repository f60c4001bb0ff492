import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The maintained per-customer purchase summary (docs/customer-metrics.md): one row per customer
 * with an order, an event or a consent change. Segment conditions read it instead of aggregating
 * 10M orders, so the columns they filter on are indexed. `rfm_runs` records when the quintiles
 * over the whole base were last dealt, which a refresh of a few customers does not change.
 */
export class CustomerMetrics1764200000000 implements MigrationInterface {
  name = 'CustomerMetrics1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_metrics (
        customer_id bigint PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
        ticket_count integer NOT NULL DEFAULT 0,
        ticket_count_12m integer NOT NULL DEFAULT 0,
        revenue numeric(14, 2) NOT NULL DEFAULT 0,
        revenue_12m numeric(14, 2) NOT NULL DEFAULT 0,
        margin numeric(14, 2) NOT NULL DEFAULT 0,
        margin_12m numeric(14, 2) NOT NULL DEFAULT 0,
        average_ticket numeric(14, 2),
        average_unit_price numeric(14, 4),
        units numeric(14, 3) NOT NULL DEFAULT 0,
        returns_count integer NOT NULL DEFAULT 0,
        first_purchase_at timestamptz,
        first_store_id integer REFERENCES stores (id) ON DELETE SET NULL,
        last_purchase_at timestamptz,
        last_activity_at timestamptz,
        primary_affinity text,
        secondary_affinity text,
        rfm_recency smallint CHECK (rfm_recency BETWEEN 1 AND 5),
        rfm_frequency smallint CHECK (rfm_frequency BETWEEN 1 AND 5),
        rfm_monetary smallint CHECK (rfm_monetary BETWEEN 1 AND 5),
        rfm_margin smallint CHECK (rfm_margin BETWEEN 1 AND 5),
        rfm_segment text,
        clv_state text,
        predicted_clv numeric(14, 2),
        computed_at timestamptz NOT NULL
      );
      COMMENT ON COLUMN customer_metrics.computed_at IS 'the "now" the 12-month figures were computed for';
      CREATE INDEX customer_metrics_rfm_segment_idx ON customer_metrics (rfm_segment) WHERE rfm_segment IS NOT NULL;
      CREATE INDEX customer_metrics_last_purchase_idx ON customer_metrics (last_purchase_at);
      CREATE INDEX customer_metrics_last_activity_idx ON customer_metrics (last_activity_at);
      CREATE INDEX customer_metrics_revenue_idx ON customer_metrics (revenue);
      CREATE INDEX customer_metrics_ticket_count_idx ON customer_metrics (ticket_count);
      CREATE INDEX customer_metrics_primary_affinity_idx ON customer_metrics (primary_affinity) WHERE primary_affinity IS NOT NULL;

      CREATE TABLE rfm_runs (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        computed_at timestamptz NOT NULL,
        customers integer NOT NULL
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rfm_runs, customer_metrics`);
  }
}
