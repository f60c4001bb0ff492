import type { ResolvedReferences } from '@marea/engine/ingestion';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

interface Found {
  external_id: string;
  id: string;
}

/**
 * Customers by external id, the hot path of every event batch: one index lookup on the
 * external-id identities (so an id absorbed by a merge still finds the survivor). Unknown ids
 * become minimal customers with their identity, in one more statement.
 */
export async function customerIds(sql: SqlQuery, externalIds: string[]): Promise<ResolvedReferences> {
  const known = await sql<Found>(
    `SELECT value AS external_id, customer_id::text AS id
     FROM customer_identities WHERE kind = 'external_id' AND value = ANY($1::text[])`,
    [externalIds],
  );
  const ids = new Map(known.map((row) => [row.external_id, row.id]));
  const missing = externalIds.filter((id) => !ids.has(id));
  if (missing.length === 0) return { ids, created: 0 };

  // Customers loaded without an identity row (bulk seeds) are found by external id and get one.
  const resolved = await sql<Found & { created: boolean }>(
    `WITH created AS (
       INSERT INTO customers (external_id)
       SELECT v FROM unnest($1::text[]) AS v ORDER BY v
       ON CONFLICT (external_id) DO NOTHING
       RETURNING id, external_id
     ),
     found AS (
       SELECT id, external_id, true AS created FROM created
       UNION ALL
       SELECT id, external_id, false FROM customers WHERE external_id = ANY($1::text[])
     ),
     identities AS (
       INSERT INTO customer_identities (kind, value, customer_id)
       SELECT 'external_id', external_id, id FROM found
       ON CONFLICT DO NOTHING
     )
     SELECT external_id, id::text AS id, created FROM found`,
    [missing],
  );
  resolved.forEach((row) => ids.set(row.external_id, row.id));
  if (missing.some((id) => !ids.has(id))) throw new ConcurrentCreation('customers');
  return { ids, created: resolved.filter((row) => row.created).length };
}
