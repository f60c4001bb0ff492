import type { ConsentRow } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';

/**
 * Appends the changes to consent_changes (its unique key makes a repeat a no-op) and moves each
 * customer's consent to the newest change per channel, in one statement. The consents upsert
 * only wins over an older stored change, so changes arriving out of order settle on the newest;
 * at the same instant a withdrawal wins.
 */
export async function recordConsentChanges(sql: SqlQuery, rows: ConsentRow[]): Promise<boolean[]> {
  const recorded = await sql<{ ord: number }>(
    `WITH x AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::integer[])
         AS x(customer_id, channel, status, changed_at, source, ord)
     ),
     recorded AS (
       INSERT INTO consent_changes (customer_id, channel, status, changed_at, source)
       SELECT customer_id, channel, status, changed_at, source FROM x ORDER BY customer_id, channel, changed_at
       ON CONFLICT (customer_id, channel, changed_at, status) DO NOTHING
       RETURNING customer_id, channel, status, changed_at
     ),
     newest AS (
       SELECT DISTINCT ON (customer_id, channel) customer_id, channel, status, changed_at, source
       FROM x ORDER BY customer_id, channel, changed_at DESC, (status = 'withdrawn') DESC
     ),
     current AS (
       INSERT INTO consents AS c (customer_id, channel, status, changed_at, source)
       SELECT * FROM newest ORDER BY customer_id, channel
       ON CONFLICT (customer_id, channel) DO UPDATE
         SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at, source = EXCLUDED.source
         WHERE c.changed_at < EXCLUDED.changed_at
            OR (c.changed_at = EXCLUDED.changed_at AND EXCLUDED.status = 'withdrawn' AND c.status <> 'withdrawn')
     )
     SELECT x.ord FROM x JOIN recorded r USING (customer_id, channel, status, changed_at)`,
    [
      rows.map((r) => r.customerId),
      rows.map((r) => r.channel),
      rows.map((r) => r.status),
      rows.map((r) => r.changedAt),
      rows.map((r) => r.source),
      rows.map((_, i) => i),
    ],
  );
  const created = new Set(recorded.map((row) => Number(row.ord)));
  return rows.map((_, i) => created.has(i));
}
