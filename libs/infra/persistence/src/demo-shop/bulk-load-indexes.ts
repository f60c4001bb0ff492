import type { ClientBase } from 'pg';

interface Lifted {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

export interface SuspendedIndexes {
  /** Primary keys and unique constraints of the loaded tables. */
  readonly keys: Lifted[];
  readonly indexes: Lifted[];
  /** Foreign keys on the loaded tables and those of other tables that point at them. */
  readonly foreignKeys: Lifted[];
}

/**
 * Lifts every index, key and foreign key of `tables` for a bulk load and puts them back
 * afterwards, each built once by sorting all rows instead of growing row by row (and without
 * the write-ahead log's full-page images of random index inserts). Definitions are read from
 * the catalogue, so whatever a later migration adds is handled too. Must run inside the load's
 * transaction: if the load fails, the rollback restores everything.
 */
export async function suspendIndexes(client: ClientBase, tables: readonly string[]): Promise<SuspendedIndexes> {
  const foreignKeys = await client.query<Lifted>(
    `SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f'
        AND (c.conrelid = ANY($1::text[]::regclass[]) OR c.confrelid = ANY($1::text[]::regclass[]))`,
    [tables],
  );
  const keys = await client.query<Lifted>(
    `SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY($1::text[]::regclass[])`,
    [tables],
  );
  const indexes = await client.query<Lifted>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::text[]::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const fk of foreignKeys.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys.rows) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  return { keys: keys.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Rebuilds what suspendIndexes lifted: keys, then indexes, then foreign keys (each checks every row once). */
export async function restoreIndexes(client: ClientBase, suspended: SuspendedIndexes, onStep?: (what: string) => void): Promise<void> {
  for (const key of suspended.keys) {
    onStep?.(key.name);
    await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  }
  for (const index of suspended.indexes) {
    onStep?.(index.name);
    await client.query(index.definition);
  }
  for (const fk of suspended.foreignKeys) {
    onStep?.(fk.name);
    await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  }
}
