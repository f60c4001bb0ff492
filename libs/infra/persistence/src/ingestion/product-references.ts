import type { ProductReference, ResolvedReferences } from '@marea/engine/ingestion';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

/**
 * Products by SKU; an unknown SKU becomes a stub named as the reference says (an order line's
 * product name, or the SKU), to be completed when the catalogue arrives.
 */
export async function productIds(sql: SqlQuery, references: ProductReference[]): Promise<ResolvedReferences> {
  const skus = references.map((r) => r.sku);
  const known = await sql<{ external_id: string; id: string }>(
    `SELECT external_id, id::text AS id FROM products WHERE external_id = ANY($1::text[])`,
    [skus],
  );
  const ids = new Map(known.map((row) => [row.external_id, row.id]));
  const missing = references.filter((r) => !ids.has(r.sku));
  if (missing.length === 0) return { ids, created: 0 };

  const created = await sql<{ external_id: string; id: string }>(
    `INSERT INTO products (external_id, name)
     SELECT * FROM unnest($1::text[], $2::text[]) ORDER BY 1
     ON CONFLICT (external_id) DO NOTHING
     RETURNING external_id, id::text AS id`,
    [missing.map((r) => r.sku), missing.map((r) => r.name)],
  );
  created.forEach((row) => ids.set(row.external_id, row.id));
  if (missing.some((r) => !ids.has(r.sku))) throw new ConcurrentCreation('products');
  return { ids, created: created.length };
}
