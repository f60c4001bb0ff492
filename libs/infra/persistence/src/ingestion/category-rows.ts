import type { CategoryLevel } from '@marea/domain/ingestion';
import type { SqlQuery } from './sql-query';

/** Creates the categories of every level that does not exist yet and links each to its parent. */
export async function ensureCategories(sql: SqlQuery, levels: CategoryLevel[]): Promise<void> {
  if (levels.length === 0) return;
  const params = [levels.map((l) => l.path), levels.map((l) => l.name), levels.map((l) => l.parentPath)];
  await sql(
    `INSERT INTO categories (path, name)
     SELECT path, name FROM unnest($1::text[], $2::text[], $3::text[]) AS l(path, name, parent_path) ORDER BY 1
     ON CONFLICT (path) DO NOTHING`,
    params,
  );
  // A second statement: rows inserted by the first are visible only now.
  await sql(
    `UPDATE categories c SET parent_id = p.id
     FROM unnest($1::text[], $2::text[], $3::text[]) AS l(path, name, parent_path)
     JOIN categories p ON p.path = l.parent_path
     WHERE c.path = l.path AND c.parent_id IS DISTINCT FROM p.id`,
    params,
  );
}

/**
 * Makes each listed product's categories exactly the given paths; returns the products whose
 * links changed. Deleted and inserted links are different rows, so one statement does both.
 * Only products stored before this batch can have links to delete (a new one has none yet).
 */
export async function replaceProductCategories(
  sql: SqlQuery,
  products: { id: string; paths: string[]; stored: boolean }[],
): Promise<Set<string>> {
  if (products.length === 0) return new Set();
  const pairs = products.flatMap((p) => p.paths.map((path) => [p.id, path] as const));
  const changed = await sql<{ product_id: string }>(
    `WITH wanted AS (
       SELECT x.product_id, c.id AS category_id
       FROM unnest($1::bigint[], $2::text[]) AS x(product_id, path) JOIN categories c ON c.path = x.path
     ),
     gone AS (
       DELETE FROM product_categories pc
       WHERE pc.product_id = ANY($3::bigint[])
         AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.product_id = pc.product_id AND w.category_id = pc.category_id)
       RETURNING pc.product_id
     ),
     added AS (
       INSERT INTO product_categories (product_id, category_id)
       SELECT product_id, category_id FROM wanted ORDER BY 1, 2
       ON CONFLICT DO NOTHING
       RETURNING product_id
     )
     SELECT product_id::text AS product_id FROM gone UNION SELECT product_id::text FROM added`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), products.flatMap((p) => (p.stored ? [p.id] : []))],
  );
  return new Set(changed.map((row) => row.product_id));
}
