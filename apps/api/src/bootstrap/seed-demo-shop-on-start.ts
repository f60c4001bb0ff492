import type { Logger } from 'pino';
import { existingShopData, seedDemoShop, withPgClient } from '@marea/infra/persistence';
import type { AppConfig } from '../config/app-config';
import type { OpenDatabase } from './open-database';

/** The seed of the default demo shop: every new installation shows the same shop. */
export const DEMO_SEED = 1;

/**
 * Seeds the demo shop on a new database: with SEED_DEMO=on, or with SEED_DEMO=auto when the
 * database is the embedded one. A database that holds shop data is never touched, and the seed
 * itself takes an advisory lock, so of two processes starting together only one seeds.
 * A failed seed is rolled back and logged; Marea starts anyway.
 */
export async function seedDemoShopOnStart(config: AppConfig, database: OpenDatabase, logger: Logger): Promise<void> {
  if (config.SEED_DEMO === 'off' || (config.SEED_DEMO === 'auto' && !database.embedded)) return;
  const log = logger.child({ component: 'demo-shop' });
  try {
    await withPgClient(database.dataSource, async (client) => {
      const existing = await existingShopData(client);
      if (Object.values(existing).some((count) => count > 0)) {
        log.debug({ existing }, 'database already holds shop data: demo shop not seeded');
        return;
      }
      log.info({ customers: config.DEMO_CUSTOMERS }, 'seeding the demo shop');
      let lastLog = Date.now();
      const outcome = await seedDemoShop(client, {
        customers: config.DEMO_CUSTOMERS,
        seed: DEMO_SEED,
        onProgress: (progress) => {
          if (Date.now() - lastLog < 2000) return;
          lastLog = Date.now();
          log.info(progress, 'seeding the demo shop');
        },
      });
      if (outcome.seeded) log.info({ ms: outcome.report.ms, rows: outcome.report.counts }, `demo shop seeded in ${(outcome.report.ms / 1000).toFixed(1)} s`);
      else log.info('another Marea process seeded the demo shop first');
    });
  } catch (error) {
    log.error({ err: error }, 'seeding the demo shop failed (rolled back); Marea starts without demo data');
  }
}
