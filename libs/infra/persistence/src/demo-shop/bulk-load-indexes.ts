import type { ClientBase } from 'pg';

interface Suspended {
  readonly indexes: { name: string; definition: string }[];
  readonly foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Lifts the secondary indexes and foreign keys of `tables` for a bulk load and puts them back
 * afterwards, built once over all rows instead of row by row. Definitions are read from the
 * catalogue, so an index a later migration adds is handled too. Primary keys and unique
 * constraints stay (other tables' foreign keys depend on them). Must run inside the load's
 * transaction: if the load fails, the rollback restores everything.
 */
export async function suspendIndexes(client: ClientBase, tables: readonly string[]): Promise<Suspended> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT quote_ident(t.relname) AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)`,
    [tables],
  );
  for (const fk of foreignKeys.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Rebuilds what suspendIndexes lifted; re-adding a foreign key checks every row once. */
export async function restoreIndexes(client: ClientBase, suspended: Suspended, onStep?: (what: string) => void): Promise<void> {
  for (const index of suspended.indexes) {
    onStep?.(index.name);
    await client.query(index.definition);
  }
  for (const fk of suspended.foreignKeys) {
    onStep?.(fk.name);
    await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  }
}
