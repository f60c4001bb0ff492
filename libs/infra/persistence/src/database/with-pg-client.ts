import type { ClientBase } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Lends one raw `pg` connection of the DataSource's pool, for work TypeORM does not do
 * (COPY streams). The connection goes back to the pool afterwards, even on failure.
 */
export async function withPgClient<T>(dataSource: DataSource, work: (client: ClientBase) => Promise<T>): Promise<T> {
  const [client, release] = await (dataSource.driver as PostgresDriver).obtainMasterConnection();
  try {
    return await work(client as ClientBase);
  } finally {
    release();
  }
}
