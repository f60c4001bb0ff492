/**
 * Customer metrics: the profile's `GET /api/v1/customers/{id}/metrics` (computed live for one
 * customer) against the built server on a real PostgreSQL holding the demo shop, with several
 * concurrent clients asking for random customers; then the same read without HTTP, and the
 * set-based refresh of the whole customer_metrics table (figures + RFM quintiles).
 * The goal: profile p95 < 50 ms with 1M customers / 10M orders.
 *
 *   npm run bench:metrics -- [--customers 100000] [--seconds 30] [--clients 4] [--keep] [--database <kept url>]
 */
import { Client } from 'pg';
import {
  applyMigrations,
  createDataSource,
  PgApiKeyStore,
  readCustomerMetrics,
  refreshCustomerMetrics,
  seedDemoShop,
} from '@marea/infra/persistence';
import { startMareaProcess } from '@marea/testing';
import { describeMachine, openBenchDatabase } from './bench-database';
import { driveClosedLoop, latencyLine } from './closed-loop';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1] ?? ''));
const CUSTOMERS = Number(args.get('customers') ?? 100_000);
const SECONDS = Number(args.get('seconds') ?? 30);
const CLIENTS = Number(args.get('clients') ?? 4);
const KEEP = args.has('keep');
const GOAL_P95_MS = 50;
const NOW = new Date('2026-11-23T00:00:00Z');


async function main(): Promise<void> {
  const database = await openBenchDatabase('marea_metrics_bench', args.get('database'));
  const dataSource = createDataSource({ url: database.url, poolSize: CLIENTS + 2, applicationName: 'marea-bench' });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
    console.log(`== customer metrics, ${await describeMachine(database.url)}`);

    let started = Date.now();
    if (!database.reused) {
      const client = new Client({ connectionString: database.url, application_name: 'marea-bench' });
      await client.connect();
      const outcome = await seedDemoShop(client, { customers: CUSTOMERS, seed: 1, now: NOW });
      await client.end();
      if (!outcome.seeded) throw new Error('the benchmark database was not empty');
      console.log(`seeded ${CUSTOMERS.toLocaleString('en')} customers, ${outcome.report.counts.orders.toLocaleString('en')} orders in ${((Date.now() - started) / 1000).toFixed(1)} s (metrics refresh included)`);
    }
    const [{ customers, orders }] = await dataSource.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders`);
    console.log(`shop: ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`);

    started = Date.now();
    const refresh = await refreshCustomerMetrics(dataSource, NOW);
    console.log(`whole-base refresh (figures + RFM): ${((Date.now() - started) / 1000).toFixed(1)} s, ${refresh.written} rows written, ${refresh.scored} customers scored`);

    const ids = (await dataSource.query<{ id: string }[]>(`SELECT id::text AS id FROM customers TABLESAMPLE SYSTEM (5) LIMIT 5000`)).map((r) => r.id);
    const [busiest] = await dataSource.query<{ id: string; orders: number }[]>(
      `SELECT customer_id::text AS id, count(*)::int AS orders FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const pick = (n: number) => ids[(n * 7919) % ids.length];

    await driveClosedLoop(CLIENTS, 2, async (n) => void (await readCustomerMetrics(dataSource, pick(n), NOW)));
    const direct = await driveClosedLoop(CLIENTS, Math.max(5, Math.round(SECONDS / 3)), async (n) => void (await readCustomerMetrics(dataSource, pick(n), NOW)));

    const { secret } = await new PgApiKeyStore(dataSource).create('metrics benchmark', 'read', null);
    const marea = await startMareaProcess({ DATABASE_URL: database.url, SEED_DEMO: 'off', DB_POOL_SIZE: String(CLIENTS + 2) });
    try {
      const get = async (id: string) => {
        const response = await fetch(`${marea.url}/api/v1/customers/${id}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
        if (response.status !== 200) throw new Error(`GET metrics of ${id}: ${response.status} ${await response.text()}`);
        await response.json();
      };
      await driveClosedLoop(CLIENTS, 3, (n) => get(pick(n)));
      const alone = await driveClosedLoop(1, Math.max(5, Math.round(SECONDS / 3)), (n) => get(pick(n)));
      const api = await driveClosedLoop(CLIENTS, SECONDS, (n) => get(pick(n)));
      const heaviest = await driveClosedLoop(1, 3, () => get(busiest.id));

      console.log(`\nrandom customers among ${ids.length.toLocaleString('en')}:`);
      console.log(latencyLine(`readCustomerMetrics, ${CLIENTS} clients (no HTTP)`, direct, Math.max(5, Math.round(SECONDS / 3)), 34));
      console.log(latencyLine('GET …/metrics, 1 client', alone, Math.max(5, Math.round(SECONDS / 3)), 34));
      console.log(latencyLine(`GET …/metrics, ${CLIENTS} clients`, api, SECONDS, 34));
      console.log(latencyLine(`GET …/metrics, busiest customer (${busiest.orders} orders)`, heaviest, 3, 34));
      for (const [label, histogram] of [['1 client', alone], [`${CLIENTS} clients`, api]] as const) {
        const p95 = histogram.percentile(95);
        console.log(`profile metrics p95 with ${label}: ${p95.toFixed(1)} ms, ${p95 < GOAL_P95_MS ? 'meets' : 'MISSES'} the ${GOAL_P95_MS} ms goal`);
      }
    } finally {
      await marea.stop();
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
