/**
 * Customer 360 reads on a real PostgreSQL holding the demo shop: the search (queries drawn from
 * real customers: a surname typed without accents, a first name, part of an email, a phone's
 * digits, an external id), the profile, and the first page of the timeline of a customer with
 * 10,000 events. Each runs with several concurrent clients through the same persistence
 * functions the API controllers call (HTTP adds about a millisecond on top). Prints the query
 * plans of a search and of the timeline so a reader sees which indexes answer them.
 * The issue's goals: search and profile p95 < 50 ms with 1M customers; timeline first page
 * < 50 ms for a customer with 10,000 events.
 *
 *   npm run bench:customer-360 -- [--customers 100000] [--seconds 20] [--clients 4] [--keep] [--database <kept url>]
 */
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  applyMigrations,
  createDataSource,
  readCustomerProfile,
  readCustomerTimeline,
  searchCustomers,
  seedDemoShop,
} from '@marea/infra/persistence';
import { describeMachine, openBenchDatabase } from './bench-database';
import { driveClosedLoop, latencyLine } from './closed-loop';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1] ?? ''));
const CUSTOMERS = Number(args.get('customers') ?? 100_000);
const SECONDS = Number(args.get('seconds') ?? 20);
const CLIENTS = Number(args.get('clients') ?? 4);
const KEEP = args.has('keep');
const HEAVY_EVENTS = 10_000;
const NOW = new Date('2026-11-23T00:00:00Z');
const EVERYONE = { kind: 'all' } as const;


const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What users type: derived from real customers, so every query finds someone. */
async function searchQueries(dataSource: DataSource): Promise<string[]> {
  const rows: { first_name: string | null; last_name: string | null; email: string | null; phone: string | null; external_id: string }[] =
    await dataSource.query(`SELECT first_name, last_name, email, phone, external_id FROM customers TABLESAMPLE SYSTEM (2) LIMIT 400`);
  return rows.flatMap((row) => [
    ...(row.last_name ? [plain(row.last_name.split(' ')[0])] : []),
    ...(row.first_name && row.last_name ? [`${row.first_name} ${row.last_name.split(' ')[0]}`] : []),
    ...(row.email ? [row.email.slice(0, Math.max(4, row.email.indexOf('@')))] : []),
    ...(row.phone ? [row.phone.replace(/\D/g, '').slice(-9)] : []),
    row.external_id,
  ]);
}

/** One customer with HEAVY_EVENTS events in visits of 20, a form answer every 500 events, and 100 orders. */
async function addHeavyCustomer(dataSource: DataSource): Promise<string> {
  const [existing] = await dataSource.query(`SELECT id::text FROM customers WHERE external_id = 'bench-heavy'`);
  if (existing) return existing.id;
  const [{ id }] = await dataSource.query(
    `INSERT INTO customers (external_id, first_name, last_name, email) VALUES ('bench-heavy', 'Heavy', 'Visitor', 'heavy@example.com') RETURNING id::text`,
  );
  await dataSource.query(
    `INSERT INTO events (external_id, customer_id, type, occurred_at, visit_id, page_url, properties)
     SELECT 'bench-heavy-' || n, $1, CASE WHEN n % 500 = 0 THEN 'form_answer' WHEN n % 5 = 0 THEN 'product_view' ELSE 'page_view' END,
            $2::timestamptz - make_interval(mins => n * 7),
            CASE WHEN n % 500 = 0 THEN NULL ELSE 'bench-visit-' || (n / 20) END,
            'https://shop.example.com/p/' || (n % 300), '{}'::jsonb
     FROM generate_series(1, $3::int) AS n`,
    [id, NOW.toISOString(), HEAVY_EVENTS],
  );
  await dataSource.query(
    `INSERT INTO orders (external_id, customer_id, store_id, channel, kind, status, ordered_at, currency, subtotal, total, item_quantity, fx_rate)
     SELECT 'bench-heavy-o-' || n, $1, s.id, s.channel, 'sale', 'completed', $2::timestamptz - make_interval(days => n * 3), s.currency, 10, 10, 1, 1
     FROM generate_series(1, 100) AS n CROSS JOIN LATERAL (SELECT id, channel, currency FROM stores ORDER BY id LIMIT 1) s`,
    [id, NOW.toISOString()],
  );
  return id;
}

async function explain(dataSource: DataSource, label: string, sql: string, parameters: unknown[]): Promise<void> {
  const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, parameters);
  console.log(`-- plan: ${label}\n${rows.map((row) => `   ${row['QUERY PLAN']}`).join('\n')}`);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('marea_c360_bench', args.get('database'));
  const dataSource = createDataSource({ url: database.url, poolSize: CLIENTS * 3, applicationName: 'marea-bench' });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
    console.log(`== customer 360, ${await describeMachine(database.url)}`);
    let started = Date.now();
    if (!database.reused) {
      const client = new Client({ connectionString: database.url, application_name: 'marea-bench' });
      await client.connect();
      const outcome = await seedDemoShop(client, { customers: CUSTOMERS, seed: 1, now: NOW });
      await client.end();
      if (!outcome.seeded) throw new Error('the benchmark database was not empty');
      console.log(`seeded ${CUSTOMERS.toLocaleString('en')} customers, ${outcome.report.counts.orders.toLocaleString('en')} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const [{ customers, orders }] = await dataSource.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM orders)::int AS orders`);
    console.log(`shop: ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`);

    started = Date.now();
    const heavy = await addHeavyCustomer(dataSource);
    await dataSource.query('VACUUM ANALYZE');
    console.log(`customer ${heavy} with ${HEAVY_EVENTS.toLocaleString('en')} events and 100 orders added, vacuumed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const queries = await searchQueries(dataSource);
    const ids = (await dataSource.query<{ id: string }[]>(`SELECT id::text AS id FROM customers TABLESAMPLE SYSTEM (5) LIMIT 5000`)).map((r) => r.id);
    console.log(`${queries.length} search queries, e.g. ${queries.slice(0, 5).map((q) => JSON.stringify(q)).join(', ')}`);

    const search = await driveClosedLoop(CLIENTS, SECONDS, (n) => searchCustomers(dataSource, { q: queries[(n * 7919) % queries.length], page: 1, pageSize: 25 }, EVERYONE));
    console.log(latencyLine(`search, ${CLIENTS} clients`, search, SECONDS));
    const profile = await driveClosedLoop(CLIENTS, SECONDS, (n) => readCustomerProfile(dataSource, ids[(n * 7919) % ids.length]));
    console.log(latencyLine(`profile, ${CLIENTS} clients`, profile, SECONDS));
    const timeline = await driveClosedLoop(CLIENTS, SECONDS, () =>
      readCustomerTimeline(dataSource, { customerId: heavy, before: null, limit: 20, types: [], now: NOW }),
    );
    console.log(latencyLine(`timeline first page (10k events), ${CLIENTS} cl.`, timeline, SECONDS));
    const sample = await driveClosedLoop(CLIENTS, SECONDS, (n) =>
      readCustomerTimeline(dataSource, { customerId: ids[(n * 7919) % ids.length], before: null, limit: 20, types: [], now: NOW }),
    );
    console.log(latencyLine(`timeline first page (random), ${CLIENTS} cl.`, sample, SECONDS));

    const surname = queries[0];
    await explain(
      dataSource,
      `search ${JSON.stringify(surname)}`,
      `SELECT id FROM customers c WHERE c.search_text LIKE '%' || search_normalize($1) || '%' ORDER BY id DESC LIMIT 26`,
      [surname],
    );
    await explain(
      dataSource,
      'visits of the heavy customer (the timeline aggregate)',
      `SELECT visit_id, max(occurred_at) FROM events WHERE customer_id = $1 AND visit_id IS NOT NULL GROUP BY visit_id ORDER BY 2 DESC LIMIT 21`,
      [heavy],
    );
  } finally {
    await dataSource.destroy();
    if (KEEP || database.reused) console.log(`kept database ${database.url}`);
    else await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
