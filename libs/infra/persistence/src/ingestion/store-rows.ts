import type { StoreItem } from '@marea/contracts';
import type { StoreRef, WriteOutcome } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';
import { writeOutcomes, type WrittenRow } from './write-outcomes';

export async function findStores(sql: SqlQuery, externalIds: string[]): Promise<Map<string, StoreRef>> {
  const rows = await sql<StoreRef & { external_id: string }>(
    `SELECT id, external_id, currency, channel FROM stores WHERE external_id = ANY($1::text[])`,
    [externalIds],
  );
  return new Map(rows.map(({ external_id, ...store }) => [external_id, store]));
}

export async function writeStores(sql: SqlQuery, rows: StoreItem[]): Promise<WriteOutcome[]> {
  const written = await sql<WrittenRow>(
    `INSERT INTO stores AS s (external_id, name, channel, currency, timezone)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ORDER BY 1
     ON CONFLICT (external_id) DO UPDATE
       SET name = EXCLUDED.name, channel = EXCLUDED.channel, currency = EXCLUDED.currency,
           timezone = EXCLUDED.timezone, updated_at = now()
       WHERE (s.name, s.channel, s.currency, s.timezone)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.channel, EXCLUDED.currency, EXCLUDED.timezone)
     RETURNING s.external_id AS key, (s.xmax = 0) AS inserted`,
    [
      rows.map((r) => r.externalId),
      rows.map((r) => r.name),
      rows.map((r) => r.channel),
      rows.map((r) => r.currency),
      rows.map((r) => r.timezone),
    ],
  );
  return writeOutcomes(rows.map((r) => r.externalId), written);
}
