import type { ClientBase } from 'pg';
import { countHistory, emptyRowCounts, type DemoShop, type RowCounts } from '@marea/domain/demo-shop';
import { BoundedQueue } from './bounded-queue';
import { restoreIndexes, suspendIndexes } from './bulk-load-indexes';
import { copyInto } from './copy-into';
import { CustomerHistoryCopy, HISTORY_TABLES, HISTORY_TABLE_NAMES, type HistoryTable } from './customer-history-copy';
import { loadReferenceData } from './reference-data';

export type DemoShopLoadPhase = 'reference' | 'rows' | 'indexes' | 'sequences' | 'analyze';

export interface DemoShopLoadProgress {
  readonly phase: DemoShopLoadPhase;
  readonly customersDone: number;
  readonly customersTotal: number;
  readonly detail?: string;
}

export interface DemoShopLoadReport {
  readonly counts: RowCounts;
  /** Milliseconds per phase, in order. */
  readonly phases: { phase: DemoShopLoadPhase; ms: number }[];
  /** Time spent waiting on each table's COPY statements (PostgreSQL's share of the rows phase). */
  readonly copyMs: Record<string, number>;
  /** Time to rebuild each index and re-check each foreign key. */
  readonly indexMs: Record<string, number>;
  /** Time spent generating and encoding rows (Node's share of the rows phase). */
  readonly generateMs: number;
  readonly ms: number;
}

export interface LoadOptions {
  readonly onProgress?: (progress: DemoShopLoadProgress) => void;
  /** Customers per COPY batch. */
  readonly batchCustomers?: number;
}

/** Tables with an identity column the load assigns itself; their sequences move past it. */
const IDENTITY_TABLES = ['stores', 'categories', 'products', 'customers', 'consent_changes', 'orders', 'carts', 'events'];
const ANALYZED = ['stores', 'currency_rates', 'categories', 'products', 'product_categories', 'users', ...HISTORY_TABLE_NAMES];

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes a whole demo shop with COPY: reference data first, then the customers' histories in
 * batches. The generator fills the next batch while PostgreSQL digests the current one (it
 * yields every few customers so the socket keeps draining). Secondary indexes and foreign keys
 * are lifted during the load and rebuilt once at the end. Call it inside a transaction on empty
 * shop tables (seedDemoShop does both).
 */
export async function loadDemoShop(client: ClientBase, shop: DemoShop, options: LoadOptions = {}): Promise<DemoShopLoadReport> {
  const started = Date.now();
  const total = shop.options.customers;
  const batchCustomers = options.batchCustomers ?? 2000;
  const phases: DemoShopLoadReport['phases'] = [];
  let phaseStart = Date.now();
  const endPhase = (phase: DemoShopLoadPhase) => {
    const now = Date.now();
    phases.push({ phase, ms: now - phaseStart });
    phaseStart = now;
  };
  const report = (phase: DemoShopLoadPhase, customersDone: number, detail?: string) =>
    options.onProgress?.({ phase, customersDone, customersTotal: total, detail });

  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await client.query('SET LOCAL synchronous_commit = off');
  const suspended = await suspendIndexes(client, HISTORY_TABLE_NAMES);
  report('reference', 0);
  const historyStartMs = shop.options.now.getTime() - (shop.options.historyYears ?? 3) * 365.25 * 86_400_000;
  const managerIds = await loadReferenceData(client, shop, historyStartMs);
  endPhase('reference');

  const counts = emptyRowCounts();
  const copyMs: Record<string, number> = {};
  let generateMs = 0;
  const queue = new BoundedQueue<{ batch: { table: HistoryTable; rows: Buffer }[]; customersDone: number }>(2);
  const produce = async () => {
    const copy = new CustomerHistoryCopy(managerIds);
    let inBatch = 0;
    let sliceStart = Date.now();
    for (const history of shop.histories()) {
      copy.add(history);
      countHistory(counts, history);
      if (++inBatch % 50 === 0) {
        generateMs += Date.now() - sliceStart;
        await yieldToIo();
        sliceStart = Date.now();
      }
      if (inBatch === batchCustomers) {
        await queue.push({ batch: copy.drain(), customersDone: counts.customers });
        inBatch = 0;
      }
    }
    if (inBatch > 0) await queue.push({ batch: copy.drain(), customersDone: counts.customers });
    queue.close();
  };
  const consume = async () => {
    for (let item = await queue.pop(); item; item = await queue.pop()) {
      for (const { table, rows } of item.batch) {
        const copyStart = Date.now();
        await copyInto(client, table, HISTORY_TABLES[table], rows);
        copyMs[table] = (copyMs[table] ?? 0) + Date.now() - copyStart;
      }
      report('rows', item.customersDone);
    }
  };
  await Promise.all([produce(), consume()].map((work) => work.catch((error) => (queue.fail(error), Promise.reject(error)))));
  endPhase('rows');

  const indexMs: Record<string, number> = {};
  let stepStart = Date.now();
  let step = '';
  await restoreIndexes(client, suspended, (name) => {
    if (step) indexMs[step] = Date.now() - stepStart;
    step = name;
    stepStart = Date.now();
    report('indexes', total, name);
  });
  if (step) indexMs[step] = Date.now() - stepStart;
  endPhase('indexes');

  report('sequences', total);
  for (const table of IDENTITY_TABLES) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`, [table]);
  }
  endPhase('sequences');

  report('analyze', total);
  await client.query(`ANALYZE ${ANALYZED.join(', ')}`);
  endPhase('analyze');
  return { counts, phases, copyMs, indexMs, generateMs, ms: Date.now() - started };
}
