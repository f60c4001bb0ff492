import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseUrl, withAdminClient } from './admin-client';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['MAREA_TEST_ADMIN_URL'];
  const template = process.env['MAREA_TEST_TEMPLATE'];
  if (!adminUrl || !template) {
    throw new Error('No test database server: add test/support/database/global-setup.ts as globalSetup of this jest project');
  }
  const name = `marea_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = databaseUrl(adminUrl, name);
  // A plain DataSource: the template is already migrated, and depending on the persistence
  // library here would make every library that tests against PostgreSQL depend on it.
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 8, application_name: 'marea-test' } });
  await dataSource.initialize();
  return {
    url,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropTestDatabase(adminUrl, name);
    },
  };
}

/**
 * Drops a test database with whatever is still connected to it. FORCE cannot end a session of a
 * role we may not signal, and an autovacuum worker that happens to be cleaning the database is
 * one (SQLSTATE 42501): it finishes in moments, so the drop is tried again.
 */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Gives every test of a file one fresh database: `const db = useTestDatabase();` then
 * `db().dataSource` inside tests.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database exists only inside tests');
    return database;
  };
}
