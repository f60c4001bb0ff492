import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE, migrations } from '@marea/migrations';

export interface DataSourceOptions {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one TypeORM DataSource of a process. The schema comes from migrations only
 * (`synchronize` stays off). Numeric columns come back as strings from `pg`: repositories
 * convert them where they read money.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'marea',
    },
  });
}
