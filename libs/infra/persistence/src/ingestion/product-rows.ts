import type { CategoryLevel } from '@marea/domain/ingestion';
import type { ProductRow, WriteOutcome } from '@marea/engine/ingestion';
import { ensureCategories, replaceProductCategories } from './category-rows';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

const COLUMNS: Record<string, string> = {
  externalId: 'external_id',
  name: 'name',
  price: 'price',
  currency: 'currency',
  imageUrl: 'image_url',
};
const COMPARED = ['name', 'price', 'currency', 'image_url', 'attributes'];

function patch(row: ProductRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = (row as Record<string, unknown>)[field];
    if (value !== undefined) out[column] = value;
  }
  if (row.attributes) out['attributes'] = row.attributes;
  return out;
}

/**
 * Upserts products like customers (lock the stored rows, overlay each patch, write only real
 * changes), then their categories. A product whose only change is its categories is `updated`
 * and its `updated_at` moves too.
 */
export async function writeProducts(sql: SqlQuery, rows: ProductRow[], levels: CategoryLevel[]): Promise<WriteOutcome[]> {
  const keys = rows.map((row) => row.externalId);
  await ensureCategories(sql, levels);
  const locked = await sql<{ external_id: string; id: string }>(
    `SELECT external_id, id::text AS id FROM products WHERE external_id = ANY($1::text[]) ORDER BY external_id FOR UPDATE`,
    [keys],
  );
  const existing = new Map(locked.map((row) => [row.external_id, row.id]));
  const written = await sql<{ id: string; external_id: string; inserted: boolean }>(
    `WITH input AS (
       SELECT doc->>'external_id' AS external_id, doc - 'attributes' AS patch, doc->'attributes' AS attributes
       FROM jsonb_array_elements($1::jsonb) AS doc
     ),
     merged AS (
       SELECT m.external_id, m.name, m.price, m.currency, m.image_url,
              CASE WHEN i.attributes IS NULL THEN coalesce(p.attributes, '{}')
                   ELSE jsonb_strip_nulls(coalesce(p.attributes, '{}') || i.attributes) END AS attributes
       FROM input i
       LEFT JOIN products p ON p.external_id = i.external_id
       CROSS JOIN LATERAL jsonb_populate_record(p, i.patch) AS m
     )
     INSERT INTO products AS p (external_id, ${COMPARED.join(', ')})
     SELECT external_id, ${COMPARED.join(', ')} FROM merged ORDER BY external_id
     ON CONFLICT (external_id) DO UPDATE
       SET ${COMPARED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
       WHERE (${COMPARED.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${COMPARED.map((c) => `EXCLUDED.${c}`).join(', ')})
     RETURNING p.id::text AS id, p.external_id, (p.xmax = 0) AS inserted`,
    [JSON.stringify(rows.map(patch))],
  );
  const byKey = new Map(written.map((row) => [row.external_id, row]));
  if (keys.some((key) => !existing.has(key) && !byKey.get(key)?.inserted)) throw new ConcurrentCreation('products');

  const idOf = (key: string) => existing.get(key) ?? (byKey.get(key)?.id as string);
  const recategorised = await replaceProductCategories(
    sql,
    rows.flatMap((row) =>
      row.categories ? [{ id: idOf(row.externalId), paths: row.categories, stored: existing.has(row.externalId) }] : [],
    ),
  );
  const writtenIds = new Set(written.map((row) => row.id));
  const touched = [...recategorised].filter((id) => !writtenIds.has(id));
  if (touched.length) await sql(`UPDATE products SET updated_at = now() WHERE id = ANY($1::bigint[])`, [touched]);

  return keys.map((key): WriteOutcome => {
    const row = byKey.get(key);
    if (row) return row.inserted ? 'created' : 'updated';
    return recategorised.has(idOf(key)) ? 'updated' : 'unchanged';
  });
}
