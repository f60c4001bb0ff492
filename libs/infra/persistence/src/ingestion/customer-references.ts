import type { CustomerIdentifiers, ResolvedReferences } from '@marea/engine/ingestion';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

interface Found {
  external_id: string;
  id: string;
}

/**
 * Customers by external id, the hot path of every event batch: one index lookup on the
 * external-id identities (so an id absorbed by a merge still finds the survivor). Unknown ids
 * become minimal customers with their identity, in one more statement, unless they were an
 * erased person's.
 */
export async function customerIds(sql: SqlQuery, externalIds: string[]): Promise<ResolvedReferences> {
  const known = await sql<Found>(
    `SELECT value AS external_id, customer_id::text AS id
     FROM customer_identities WHERE kind = 'external_id' AND value = ANY($1::text[])`,
    [externalIds],
  );
  const ids = new Map(known.map((row) => [row.external_id, row.id]));
  const unknown = externalIds.filter((id) => !ids.has(id));
  if (unknown.length === 0) return { ids, created: 0 };

  // An unknown id may be an erased person's: never created again (only their hash is kept).
  const erasedRows = await sql<{ external_id: string; erased_at: Date }>(
    `SELECT v AS external_id, e.erased_at FROM unnest($1::text[]) AS v
     JOIN erased_identities e ON e.kind = 'external_id' AND e.value_hash = erasure_hash('external_id', v)`,
    [unknown],
  );
  const erased = new Map(erasedRows.map((row) => [row.external_id, row.erased_at]));
  const missing = unknown.filter((id) => !erased.has(id));
  if (missing.length === 0) return { ids, created: 0, erased };

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
  return { ids, created: resolved.filter((row) => row.created).length, erased };
}

/** Which items name an erased person by their external id, email or phone (hashes compared, as stored). */
export async function erasedCustomers(sql: SqlQuery, items: CustomerIdentifiers[]): Promise<Map<string, Date>> {
  if (items.length === 0) return new Map();
  const rows = await sql<{ external_id: string; erased_at: Date }>(
    `SELECT x.external_id, min(e.erased_at) AS erased_at
     FROM jsonb_to_recordset($1::jsonb) AS x(external_id text, email text, phone text)
     CROSS JOIN LATERAL (VALUES ('external_id', x.external_id), ('email', x.email), ('phone', x.phone)) AS k(kind, value)
     JOIN erased_identities e ON e.kind = k.kind AND e.value_hash = erasure_hash(k.kind, k.value)
     GROUP BY x.external_id`,
    [JSON.stringify(items.map((item) => ({ external_id: item.externalId, email: item.email ?? null, phone: item.phone ?? null })))],
  );
  return new Map(rows.map((row) => [row.external_id, row.erased_at]));
}
