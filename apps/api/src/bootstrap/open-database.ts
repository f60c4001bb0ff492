import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '@marea/infra/embedded-postgres';
import { applyMigrations, createDataSource } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';

export interface OpenDatabase {
  readonly dataSource: DataSource;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in MAREA_DATA_DIR when it is
 * unset, then applies pending migrations.
 */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<OpenDatabase> {
  let url = config.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const pgLogger = logger.child({ component: 'embedded-postgres' });
    const server = await startEmbeddedPostgres({
      dataDir: config.MAREA_DATA_DIR,
      port: config.MAREA_DB_PORT,
      database: 'marea',
      onLog: (line) => pgLogger.debug(line),
    });
    url = server.url;
    stopEmbedded = () => server.stop();
    logger.info({ dataDir: join(config.MAREA_DATA_DIR, 'pg'), port: server.port }, 'embedded PostgreSQL started');
  }

  const dataSource = createDataSource({ url, poolSize: config.DB_POOL_SIZE, applicationName: 'marea-api' });
  try {
    await dataSource.initialize();
    const applied = await applyMigrations(dataSource);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema up to date');
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stopEmbedded?.();
    throw error;
  }

  return {
    dataSource,
    embedded: stopEmbedded !== undefined,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded?.();
      if (stopEmbedded) logger.info('embedded PostgreSQL stopped');
    },
  };
}
