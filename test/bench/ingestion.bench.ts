/**
 * Ingestion throughput: events through `POST /api/v1/events` (100 per request, several
 * concurrent clients, each request acknowledged only after its commit) against the built server
 * on a real PostgreSQL, then — in the same run, same database, same concurrency — PostgreSQL's
 * own rate for 100-row INSERT statements into the same table, as the ceiling.
 *
 *   npm run bench:ingestion -- [--seconds 60] [--clients 8] [--customers 10000]
 */
import { Client } from 'pg';
import { startMareaProcess, type MareaProcess } from '@marea/testing';
import { createBenchDatabase, describeMachine } from './bench-database';
import { LatencyHistogram } from './latency-histogram';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1]));
const SECONDS = Number(args.get('seconds') ?? 60);
const CLIENTS = Number(args.get('clients') ?? 8);
const CUSTOMERS = Number(args.get('customers') ?? 10_000);
const BATCH = 100;

const TYPES = ['page_view', 'page_view', 'page_view', 'page_view', 'page_view', 'page_view', 'product_view', 'product_view', 'add_to_cart', 'search'];

function eventBatch(client: number, sequence: number) {
  return Array.from({ length: BATCH }, (_, i) => {
    const n = sequence * BATCH + i;
    const customer = (n * 7919 + client * 104_729) % CUSTOMERS;
    const type = TYPES[n % TYPES.length];
    const sku = `sku-${n % 500}`;
    return {
      externalId: `bench-${client}-${n}`,
      customerExternalId: `c-${customer}`,
      type,
      occurredAt: new Date(Date.now() - (n % 3600) * 1000).toISOString(),
      visitId: `v-${customer}-${Math.floor(n / 20)}`,
      pageUrl: `https://shop.example.com/p/${sku}`,
      properties: type === 'add_to_cart' ? { sku, quantity: 1, price: 9.95, cartId: `cart-${customer}` } : { sku },
    };
  });
}

/** The integration's key, as a shop would send it: `Authorization: Bearer <key>` with the ingest scope. */
let ingestKey = '';

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(body),
  });
}

/** Signs in as the server's first admin and creates the ingest key the benchmark pushes with. */
async function createIngestKey(marea: MareaProcess): Promise<string> {
  const { headers } = await marea.signIn();
  const response = await fetch(`${marea.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ingestion benchmark', scope: 'ingest' }),
  });
  if (response.status !== 201) throw new Error(`creating the ingest key: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

async function seedCustomersAndProducts(base: string): Promise<void> {
  for (let start = 0; start < CUSTOMERS; start += 1000) {
    const items = Array.from({ length: Math.min(1000, CUSTOMERS - start) }, (_, i) => ({
      externalId: `c-${start + i}`,
      email: `customer${start + i}@example.com`,
    }));
    const response = await post(`${base}/api/v1/customers`, { items });
    if (!response.ok) throw new Error(`seeding customers: ${response.status} ${await response.text()}`);
  }
  const products = Array.from({ length: 500 }, (_, i) => ({ externalId: `sku-${i}`, name: `Product ${i}`, price: 9.95 }));
  const response = await post(`${base}/api/v1/products`, { items: products });
  if (!response.ok) throw new Error(`seeding products: ${response.status} ${await response.text()}`);
}

/** Runs `clients` loops of `work` for `seconds`; returns the number of events written and latencies. */
async function drive(clients: number, seconds: number, work: (client: number, sequence: number) => Promise<void>) {
  const latencies = new LatencyHistogram();
  const deadline = Date.now() + seconds * 1000;
  let batches = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let sequence = 0; Date.now() < deadline; sequence++) {
        const t0 = performance.now();
        await work(client, sequence);
        latencies.record(performance.now() - t0);
        batches++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { events: batches * BATCH, elapsed, perSecond: (batches * BATCH) / elapsed, latencies };
}

async function main(): Promise<void> {
  const database = await createBenchDatabase('marea_bench_ingest');
  const marea = await startMareaProcess({ DATABASE_URL: database.url, SEED_DEMO: 'off', DB_POOL_SIZE: String(CLIENTS + 2) });
  try {
    const machine = await describeMachine(database.url);
    ingestKey = await createIngestKey(marea);
    await seedCustomersAndProducts(marea.url);

    // Warm-up: JIT, plan caches, connection pool.
    await drive(CLIENTS, 3, async (client, sequence) => {
      await post(`${marea.url}/api/v1/events`, { items: eventBatch(100 + client, sequence) });
    });

    let failures = 0;
    const api = await drive(CLIENTS, SECONDS, async (client, sequence) => {
      const response = await post(`${marea.url}/api/v1/events`, { items: eventBatch(client, sequence) });
      const result = (await response.json()) as { created?: number };
      if (!response.ok || result.created !== BATCH) failures++;
    });

    const pools = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        return client;
      }),
    );
    const [{ id: customerId }] = (await pools[0].query('SELECT min(id) AS id FROM customers')).rows;
    const placeholders = Array.from({ length: BATCH }, (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`).join(',');
    const insert = `INSERT INTO events (external_id, customer_id, type, occurred_at, visit_id, properties) VALUES ${placeholders}`;
    const ceiling = await drive(CLIENTS, SECONDS, async (client, sequence) => {
      const values = eventBatch(1000 + client, sequence).flatMap((event) => [
        event.externalId, customerId, event.type, event.occurredAt, event.visitId, JSON.stringify(event.properties),
      ]);
      await pools[client].query(insert, values);
    });
    await Promise.all(pools.map((client) => client.end()));

    const ratio = api.perSecond / ceiling.perSecond;
    const report = [
      `machine: ${machine}`,
      `data: ${CUSTOMERS} customers, 500 products; ${CLIENTS} concurrent clients; ${BATCH} events per request; ${SECONDS} s per phase`,
      `API  POST /api/v1/events: ${Math.round(api.perSecond)} events/s sustained (${api.events} events in ${api.elapsed.toFixed(1)} s), ` +
        `latency p50 ${api.latencies.percentile(50).toFixed(1)} ms, p99 ${api.latencies.percentile(99).toFixed(1)} ms, failed requests ${failures}`,
      `ceiling: PostgreSQL 100-row INSERT: ${Math.round(ceiling.perSecond)} rows/s ` +
        `(p99 ${ceiling.latencies.percentile(99).toFixed(1)} ms per statement)`,
      `ratio API / ceiling: ${(ratio * 100).toFixed(0)} %`,
    ];
    console.log(`\n${report.join('\n')}\n`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await marea.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
