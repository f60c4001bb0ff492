import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './bootstrap/open-database';
import { seedDemoShopOnStart } from './bootstrap/seed-demo-shop-on-start';
import { createHttpApp } from './http/create-http-app';
import { createLogger } from './logging/create-logger';
import { signInHint } from './access/first-admin-from-environment';
import { PgUserStore } from '@marea/infra/persistence';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config);
  const database = await openDatabase(config, logger);
  await seedDemoShopOnStart(config, database, logger);

  const app = await createHttpApp({ config, logger, dataSource: database.dataSource });
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url }, 'Marea is running');
  process.stdout.write(`\n  Marea is running at ${url}  (API docs: ${url}/api/docs)\n${await signInHint(app.get(PgUserStore), url, config)}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Marea could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
