import type { EventRow } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';

/**
 * Records events with one multi-row INSERT (arrays unnested server-side: one round trip and
 * one plan whatever the batch size). An external id already recorded is skipped by the unique
 * index events_external_id_key; the returned ids are the events recorded now.
 */
export async function insertEvents(sql: SqlQuery, rows: EventRow[]): Promise<boolean[]> {
  const inserted = await sql<{ external_id: string }>(
    `INSERT INTO events (external_id, customer_id, type, occurred_at, visit_id, store_id, page_url, properties)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::integer[], $7::text[], $8::jsonb[])
     ON CONFLICT (external_id) DO NOTHING
     RETURNING external_id`,
    [
      rows.map((r) => r.externalId),
      rows.map((r) => r.customerId),
      rows.map((r) => r.type),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.visitId),
      rows.map((r) => r.storeId),
      rows.map((r) => r.pageUrl),
      rows.map((r) => JSON.stringify(r.properties)),
    ],
  );
  const recorded = new Set(inserted.map((row) => row.external_id));
  return rows.map((row) => recorded.has(row.externalId));
}
