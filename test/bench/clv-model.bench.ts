/**
 * The CLV model fit end to end on a real PostgreSQL holding the demo shop: the purchase histories
 * read from the orders with one COPY statement into typed arrays, BG/NBD + Gamma-Gamma fitted,
 * the holdout check, every customer scored, and the figures written back (COPY + one set-based
 * statement, customer_metrics.predicted_clv included). Prints each phase's time. The goal
 * for the fits alone is ≤ 10 s at 1M customers (bench:analyses measures that without a database).
 *
 *   npm run bench:clv-model -- [--customers 100000] [--keep] [--database <kept url>]
 */
import { Client } from 'pg';
import { applyMigrations, createDataSource, runClvModelFit, seedDemoShop, startClvModelFit } from '@marea/infra/persistence';
import { describeMachine, openBenchDatabase } from './bench-database';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1] ?? ''));
const CUSTOMERS = Number(args.get('customers') ?? 100_000);
const KEEP = args.has('keep');
const NOW = new Date('2026-11-23T00:00:00Z');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const database = await openBenchDatabase('marea_clv_bench', args.get('database'));
  const dataSource = createDataSource({ url: database.url, poolSize: 4, applicationName: 'marea-bench' });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
    console.log(`== CLV model fit, ${await describeMachine(database.url)}`);
    if (!database.reused) {
      const started = Date.now();
      const client = new Client({ connectionString: database.url, application_name: 'marea-bench' });
      await client.connect();
      const outcome = await seedDemoShop(client, { customers: CUSTOMERS, seed: 1, now: NOW });
      await client.end();
      if (!outcome.seeded) throw new Error('the benchmark database was not empty');
      console.log(`seeded ${CUSTOMERS.toLocaleString('en')} customers in ${seconds(Date.now() - started)}`);
    }
    const [{ customers, orders }] = await dataSource.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders`);
    console.log(`shop: ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`);

    for (const run of [1, 2]) {
      await dataSource.query(`UPDATE clv_model_fits SET status = 'failed' WHERE status = 'running'`);
      const fit = await startClvModelFit(dataSource, { discountRate: 0.1, holdoutWeeks: 26 }, NOW);
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const outcome = await runClvModelFit(dataSource, fit);
      const used = process.cpuUsage(cpu);
      const t = outcome.timings;
      console.log(
        `\nrun ${run}${run === 1 ? ' (customer_clv empty: inserts)' : ' (customer_clv full: updates)'}: ${seconds(performance.now() - wall)} wall, ` +
          `${seconds((used.user + used.system) / 1000)} CPU of this process`,
      );
      console.log(`  read histories (COPY → typed arrays) ${seconds(t.readMs)}   fit BG/NBD + Gamma-Gamma ${seconds(t.fitMs)}   holdout ${seconds(t.holdoutMs)}`);
      console.log(`  score customers ${seconds(t.scoreMs)}   write (COPY + one statement) ${seconds(t.writeMs)}`);
      const { r, alpha, a, b } = outcome.bgNbd;
      console.log(`  ${outcome.customers.toLocaleString('en')} buyers, ${outcome.repeatCustomers.toLocaleString('en')} repeat; r ${r.toFixed(3)} α ${alpha.toFixed(2)} a ${a.toFixed(3)} b ${b.toFixed(3)}` +
        (outcome.gammaGamma ? `; p ${outcome.gammaGamma.p.toFixed(2)} q ${outcome.gammaGamma.q.toFixed(2)} γ ${outcome.gammaGamma.gamma.toFixed(2)}` : ''));
      if (outcome.holdout) console.log(`  holdout from ${outcome.holdout.cutoff}: predicted ${outcome.holdout.predictedTotal.toFixed(0)} vs actual ${outcome.holdout.actualTotal} repeat purchases in ${outcome.holdout.weeks.length} weeks`);
    }
  } finally {
    await dataSource.destroy();
    if (KEEP || database.reused) console.log(`kept ${database.url}`);
    else await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
