import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE, migrations } from '@marea/migrations';

/** Brings the template database to the latest schema, exactly as a Marea start would. */
export async function migrateTemplate(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
