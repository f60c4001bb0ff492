import type { ClientBase } from 'pg';
import type { DataSource } from 'typeorm';
import type { SqlQuery } from '../ingestion/sql-query';
import { refreshAllCustomerFigures } from './refresh-customer-metrics';
import { scoreRfm } from './score-rfm';
import { recordRfmHistory, type RfmHistoryChanges } from '../analyses/rfm-history/record-rfm-history';

export interface WholeBaseRefresh {
  /** Rows of customer_metrics written or deleted. */
  written: number;
  /** Customers with a ticket, scored. */
  scored: number;
  /** Segment changes recorded in rfm_segment_history (docs/clv.md). */
  rfmChanges: RfmHistoryChanges;
}

/** Every refresh of the whole base takes this lock, so an import's and the hourly one queue. */
const REFRESH_LOCK = 0x4d657472; // "Metr"

/**
 * Recomputes customer_metrics for every customer as of `now`, deals the RFM quintiles again and
 * records the customers whose segment changed in the RFM history.
 * Run it inside a transaction: a segment reading the table sees the old figures or the new.
 */
export async function refreshWholeBase(sql: SqlQuery, now: Date): Promise<WholeBaseRefresh> {
  await sql('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
  // Aggregating every order line of the base in memory instead of in batches spilled to disk.
  await sql(`SET LOCAL work_mem = '256MB'`);
  const written = await refreshAllCustomerFigures(sql, now);
  const scored = await scoreRfm(sql, now);
  const rfmChanges = await recordRfmHistory(sql, now);
  return { written, scored, rfmChanges };
}

/** The whole-base refresh in a transaction of its own (hourly, after a CSV import). */
export function refreshCustomerMetrics(dataSource: DataSource, now: Date): Promise<WholeBaseRefresh> {
  return dataSource.transaction((manager) => refreshWholeBase((text, parameters) => manager.query(text, parameters), now));
}

/** The same on a raw connection already inside a transaction (the demo shop seed). */
export function refreshCustomerMetricsOnClient(client: ClientBase, now: Date): Promise<WholeBaseRefresh> {
  return refreshWholeBase(async (text, parameters) => (await client.query(text, parameters)).rows, now);
}

/** When the RFM quintiles over the whole base were last dealt (null: never). */
export async function lastWholeBaseRefresh(dataSource: DataSource): Promise<Date | null> {
  const [run] = await dataSource.query<{ computed_at: Date }[]>(`SELECT computed_at FROM rfm_runs`);
  return run?.computed_at ?? null;
}
