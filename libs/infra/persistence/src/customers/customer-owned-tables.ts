import type { DataSource } from 'typeorm';

/**
 * Every table holding rows of customers (a `customer_id` column), read from the catalogue. Merge,
 * export and erasure go through it, so a table added later is merged, exported and erased
 * without anyone remembering to.
 */
export async function customerOwnedTables(db: Pick<DataSource, 'query'>): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id'
     ORDER BY c.table_name`,
  );
  return rows.map((row) => row.table_name);
}
