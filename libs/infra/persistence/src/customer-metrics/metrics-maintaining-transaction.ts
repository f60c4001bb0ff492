import type { ConsentRow, EventRow, OrderRow, PendingEventRow } from '@marea/engine/ingestion';
import { PostgresIngestionTransaction } from '../ingestion/postgres-ingestion-transaction';
import type { SqlQuery } from '../ingestion/sql-query';
import { refreshCustomerMetricsOf } from './refresh-customer-metrics';

/**
 * The ingestion transaction that keeps customer_metrics current: it notes whose orders a batch
 * changed and whose events or consents it recorded, and `refreshCustomerMetrics` brings their
 * rows up to date before the batch commits (same transaction: figures and orders never disagree).
 * Orders mean a full refresh of the customer's figures; events and consents only move the last
 * activity forward, which costs one small upsert instead of re-reading their history.
 */
export class MetricsMaintainingTransaction extends PostgresIngestionTransaction {
  private readonly buyers = new Set<string>();
  private readonly newestActivity = new Map<string, string>();

  constructor(private readonly query: SqlQuery) {
    super(query);
  }

  override async writeOrders(rows: OrderRow[]) {
    const outcomes = await super.writeOrders(rows);
    rows.forEach((row, i) => outcomes[i] !== 'unchanged' && this.buyers.add(row.customerId));
    return outcomes;
  }

  override async insertEvents(rows: EventRow[]) {
    const recorded = await super.insertEvents(rows);
    rows.forEach((row, i) => recorded[i] && this.active(row.customerId, row.occurredAt));
    return recorded;
  }

  override async insertEventsOfKnownCustomers(rows: PendingEventRow[], skus: string[]) {
    const result = await super.insertEventsOfKnownCustomers(rows, skus);
    for (const row of rows) {
      const customerId = result.customerIds.get(row.customerExternalId);
      if (customerId && result.recorded.has(row.externalId)) this.active(customerId, row.occurredAt);
    }
    return result;
  }

  override async recordConsentChanges(rows: ConsentRow[]) {
    const recorded = await super.recordConsentChanges(rows);
    rows.forEach((row, i) => recorded[i] && this.active(row.customerId, row.changedAt));
    return recorded;
  }

  /** Call once, after the batch's writes and before its commit. */
  async refreshCustomerMetrics(now = new Date()): Promise<void> {
    await refreshCustomerMetricsOf(this.query, [...this.buyers].sort(), now);
    const onlyActive = [...this.newestActivity].filter(([customerId]) => !this.buyers.has(customerId));
    if (onlyActive.length === 0) return;
    await this.query(
      `INSERT INTO customer_metrics AS m (customer_id, last_activity_at, computed_at)
       SELECT x.customer_id, x.at, $3 FROM unnest($1::bigint[], $2::timestamptz[]) AS x(customer_id, at)
       WHERE x.at <= $3 ORDER BY x.customer_id
       ON CONFLICT (customer_id) DO UPDATE SET last_activity_at = EXCLUDED.last_activity_at
         WHERE m.last_activity_at IS NULL OR m.last_activity_at < EXCLUDED.last_activity_at`,
      [onlyActive.map(([customerId]) => customerId), onlyActive.map(([, at]) => at), now],
    );
  }

  private active(customerId: string, at: string): void {
    const known = this.newestActivity.get(customerId);
    if (!known || Date.parse(at) > Date.parse(known)) this.newestActivity.set(customerId, at);
  }
}
