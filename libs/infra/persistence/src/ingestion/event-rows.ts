import type { EventRow, KnownCustomerEvents, PendingEventRow } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';

/**
 * The properties of all events as one JSON array, unnested in step with the column arrays by
 * ROWS FROM: one JSON text to write and parse instead of a jsonb[] literal whose every element
 * the driver would escape.
 */
const PROPERTIES = 'jsonb_array_elements($8::jsonb)';
const propertiesOf = (rows: { properties: unknown }[]) => JSON.stringify(rows.map((r) => r.properties));

/**
 * Records events with one multi-row INSERT (arrays unnested server-side: one round trip and
 * one plan whatever the batch size). An external id already recorded is skipped by the unique
 * index events_external_id_key; the returned ids are the events recorded now.
 */
export async function insertEvents(sql: SqlQuery, rows: EventRow[]): Promise<boolean[]> {
  const inserted = await sql<{ external_id: string }>(
    `INSERT INTO events (external_id, customer_id, type, occurred_at, visit_id, store_id, page_url, properties)
     SELECT * FROM ROWS FROM (unnest($1::text[]), unnest($2::bigint[]), unnest($3::text[]), unnest($4::timestamptz[]),
                              unnest($5::text[]), unnest($6::integer[]), unnest($7::text[]), ${PROPERTIES})
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
      propertiesOf(rows),
    ],
  );
  const recorded = new Set(inserted.map((row) => row.external_id));
  return rows.map((row) => recorded.has(row.externalId));
}

/**
 * Records the events of customers that already exist in the statement that finds them (their
 * external-id identities), and looks up the products of `skus` on the way: one round trip for
 * the common batch. Events of unknown customers are left for the caller to record once the
 * customers exist.
 */
export async function insertEventsOfKnownCustomers(sql: SqlQuery, rows: PendingEventRow[], skus: string[]): Promise<KnownCustomerEvents> {
  const found = await sql<{ kind: 'event' | 'customer' | 'product'; key: string; id: string | null }>(
    `WITH u AS (
       SELECT * FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::timestamptz[]),
                                unnest($5::text[]), unnest($6::integer[]), unnest($7::text[]), ${PROPERTIES})
         AS u(external_id, customer_external_id, type, occurred_at, visit_id, store_id, page_url, properties)
     ),
     customer AS (
       SELECT value, customer_id FROM customer_identities WHERE kind = 'external_id' AND value = ANY($2::text[])
     ),
     recorded AS (
       INSERT INTO events (external_id, customer_id, type, occurred_at, visit_id, store_id, page_url, properties)
       SELECT u.external_id, c.customer_id, u.type, u.occurred_at, u.visit_id, u.store_id, u.page_url, u.properties
       FROM u JOIN customer c ON c.value = u.customer_external_id
       ON CONFLICT (external_id) DO NOTHING
       RETURNING external_id
     )
     SELECT 'event' AS kind, external_id AS key, NULL AS id FROM recorded
     UNION ALL SELECT 'customer', value, customer_id::text FROM customer
     UNION ALL SELECT 'product', external_id, id::text FROM products WHERE external_id = ANY($9::text[])`,
    [
      rows.map((r) => r.externalId),
      rows.map((r) => r.customerExternalId),
      rows.map((r) => r.type),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.visitId),
      rows.map((r) => r.storeId),
      rows.map((r) => r.pageUrl),
      propertiesOf(rows),
      skus,
    ],
  );
  const result: KnownCustomerEvents = { recorded: new Set(), customerIds: new Map(), productIds: new Map() };
  for (const row of found) {
    if (row.kind === 'event') result.recorded.add(row.key);
    else if (row.kind === 'customer') result.customerIds.set(row.key, row.id as string);
    else result.productIds.set(row.key, row.id as string);
  }
  return result;
}
