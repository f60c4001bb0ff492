import 'reflect-metadata';
import { seedDemoShop, withPgClient } from '@marea/infra/persistence';
import { ConfigError, loadConfig } from '../config/app-config';
import { createLogger } from '../logging/create-logger';
import { openDatabase } from '../bootstrap/open-database';
import { parseSeedArguments } from './seed-arguments';

/**
 * `npm run seed -- --customers 1000000 [--seed N] [--reset]`: loads the demo shop into
 * DATABASE_URL, or into the embedded database in MAREA_DATA_DIR, at bulk-load speed.
 */
async function main(): Promise<number> {
  const args = parseSeedArguments(process.argv.slice(2));
  const config = loadConfig(process.env);
  const customers = args.customers ?? config.DEMO_CUSTOMERS;
  const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
  const database = await openDatabase(config, logger);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    out(`Seeding the demo shop: ${customers.toLocaleString('en')} customers, seed ${args.seed}${args.reset ? ', after emptying the shop tables (--reset)' : ''}`);
    const started = Date.now();
    let lastPrint = 0;
    const outcome = await withPgClient(database.dataSource, (client) =>
      seedDemoShop(client, {
        customers,
        seed: args.seed,
        reset: args.reset,
        onProgress: (p) => {
          if (p.phase === 'rows' && Date.now() - lastPrint < 2000 && p.customersDone < p.customersTotal) return;
          lastPrint = Date.now();
          const elapsed = ((Date.now() - started) / 1000).toFixed(1);
          out(`  ${elapsed.padStart(6)} s  ${p.phase.padEnd(9)} ${p.customersDone.toLocaleString('en')}/${p.customersTotal.toLocaleString('en')} customers${p.detail ? `  ${p.detail}` : ''}`);
        },
      }),
    );
    if (!outcome.seeded) {
      const held = Object.entries(outcome.existing).map(([table, count]) => `${table}: ${count}`).join(', ');
      out(`\nNot seeded: the database already holds shop data (${held}). Nothing was changed.`);
      out('Run again with --reset to EMPTY the shop tables (customers, orders, products, stores, events …) and seed anew.');
      return 1;
    }
    const { report } = outcome;
    out(`\nDone in ${(report.ms / 1000).toFixed(1)} s: ${Object.entries(report.counts).map(([table, count]) => `${count.toLocaleString('en')} ${table}`).join(', ')}`);
    out(`Phases: ${report.phases.map(({ phase, ms }) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.message.includes('usage:') ? error.message : error.stack) : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
