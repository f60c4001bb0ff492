import { useTestDatabase } from '@marea/testing';
import { applyMigrations, pendingMigrations } from './apply-migrations';

describe('migrations', () => {
  const db = useTestDatabase();

  it('leave nothing pending on a migrated database and are a no-op when run again', async () => {
    const { dataSource } = db();
    expect(await pendingMigrations(dataSource)).toEqual([]);
    expect(await applyMigrations(dataSource)).toEqual([]);
  });

  it('create the data model with a default account', async () => {
    const tables: { table_name: string }[] = await db().dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['customers', 'orders', 'order_lines', 'products', 'events', 'consents', 'stores']),
    );
    const [account] = await db().dataSource.query('SELECT currency FROM account');
    expect(account.currency).toBe('EUR');
  });
});
