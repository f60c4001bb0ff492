import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from '@marea/migrations';

// Any constant works; it only has to be the same for every Marea process sharing a database.
const MIGRATION_LOCK_KEY = 0x6d61726561; // "marea"

/**
 * Applies pending migrations. Several engine processes may start at once against one database:
 * an advisory lock lets the first migrate while the others wait, then find nothing to do.
 */
export async function applyMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Names of migrations known to this build but not yet applied to the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied: { name: string }[] = await dataSource
    .query(`SELECT name FROM ${MIGRATIONS_TABLE}`)
    .catch(() => []);
  const done = new Set(applied.map((row) => row.name));
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !done.has(name));
}
