import type { CustomerRow, WriteOutcome } from '@marea/engine/ingestion';
import { CUSTOMER_COLUMNS } from '../customers/customer-columns';
import { syncCustomerIdentities, type WrittenCustomer } from './customer-identities';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

const COLUMNS: Record<string, string> = CUSTOMER_COLUMNS;
const COMPARED = [...Object.values(COLUMNS).filter((c) => c !== 'external_id'), 'attributes'];

/** The item as a patch keyed by column: a key left out keeps the stored value, null clears it. */
function patch(row: CustomerRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = (row as Record<string, unknown>)[field];
    if (value !== undefined) out[column] = value;
  }
  if (row.attributes) out['attributes'] = row.attributes;
  return out;
}

/** Patches of one batch keyed by the customer they land on; a later patch overrides an earlier one. */
function patchesByCustomer(rows: CustomerRow[], canonical: ReadonlyMap<string, string>): Record<string, unknown>[] {
  const byCustomer = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const externalId = canonical.get(row.externalId) ?? row.externalId;
    const next: Record<string, unknown> = { ...patch(row), external_id: externalId };
    const earlier = byCustomer.get(externalId);
    const attributes = earlier?.['attributes'] && next['attributes'] ? { attributes: { ...(earlier['attributes'] as object), ...(next['attributes'] as object) } } : {};
    byCustomer.set(externalId, { ...earlier, ...next, ...attributes });
  }
  return [...byCustomer.values()];
}

/**
 * Upserts customers in two statements. The first finds the stored ones through their identities
 * and locks them (so a concurrent batch cannot slip an update between our read and write): the
 * external id of a profile merged into another resolves to the survivor, which the item then
 * updates. The second overlays each patch on the stored row with `jsonb_populate_record` (absent
 * keys keep their value, JSON null clears) and writes only rows that differ: `updated_at` moves
 * only on a real change.
 */
export async function writeCustomers(sql: SqlQuery, rows: CustomerRow[]): Promise<WriteOutcome[]> {
  const keys = rows.map((row) => row.externalId);
  const locked = await sql<{ key: string; external_id: string }>(
    `SELECT i.value AS key, c.external_id FROM customer_identities i JOIN customers c ON c.id = i.customer_id
     WHERE i.kind = 'external_id' AND i.value = ANY($1::text[]) ORDER BY c.external_id FOR UPDATE OF c`,
    [keys],
  );
  const canonical = new Map(locked.map((row) => [row.key, row.external_id]));
  const customerOf = (key: string): string => canonical.get(key) ?? key;
  const existing = new Set(locked.map((row) => row.external_id));
  const written = await sql<WrittenCustomer & { inserted: boolean }>(
    `WITH input AS (
       SELECT doc->>'external_id' AS external_id, doc - 'attributes' AS patch, doc->'attributes' AS attributes
       FROM jsonb_array_elements($1::jsonb) AS doc
     ),
     merged AS (
       SELECT m.external_id, m.first_name, m.last_name, m.document_number, m.email, m.phone, m.birth_date,
              m.gender, m.city, m.country, m.language, coalesce(m.tags, '{}') AS tags, m.manager_id,
              CASE WHEN i.attributes IS NULL THEN coalesce(c.attributes, '{}')
                   ELSE jsonb_strip_nulls(coalesce(c.attributes, '{}') || i.attributes) END AS attributes
       FROM input i
       LEFT JOIN customers c ON c.external_id = i.external_id
       CROSS JOIN LATERAL jsonb_populate_record(c, i.patch) AS m
     )
     INSERT INTO customers AS c (external_id, ${COMPARED.join(', ')})
     SELECT external_id, ${COMPARED.join(', ')} FROM merged ORDER BY external_id
     ON CONFLICT (external_id) DO UPDATE
       SET ${COMPARED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
       WHERE (${COMPARED.map((c) => `c.${c}`).join(', ')}) IS DISTINCT FROM (${COMPARED.map((c) => `EXCLUDED.${c}`).join(', ')})
     RETURNING c.id::text AS id, c.external_id, c.email, c.phone, (c.xmax = 0) AS inserted`,
    [JSON.stringify(patchesByCustomer(rows, canonical))],
  );
  // A customer we did not see yet but did not insert was created by a concurrent batch after our
  // snapshot; its stored fields were not merged, so the batch runs again.
  if (written.some((row) => !row.inserted && !existing.has(row.external_id))) throw new ConcurrentCreation('customers');
  const byKey = new Map(written.map((row) => [row.external_id, row]));
  if (keys.some((key) => !existing.has(customerOf(key)) && !byKey.has(customerOf(key)))) throw new ConcurrentCreation('customers');

  await syncCustomerIdentities(sql, written);
  return keys.map((key): WriteOutcome => {
    const row = byKey.get(customerOf(key));
    return row === undefined ? 'unchanged' : row.inserted ? 'created' : 'updated';
  });
}
