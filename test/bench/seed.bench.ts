/**
 * Bulk seed: the demo shop (default 1M customers ≈ 10M orders) into a fresh database on the
 * real PostgreSQL server and on the embedded one, with timings per phase and rows/s.
 *
 *   npm run bench:seed -- [--customers 1000000] [--seed 1] [--on real|embedded|both]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@marea/infra/embedded-postgres';
import { applyMigrations, createDataSource, seedDemoShop, type DemoShopLoadReport } from '@marea/infra/persistence';
import { createBenchDatabase, describeMachine } from './bench-database';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1]));
const CUSTOMERS = Number(args.get('customers') ?? 1_000_000);
const SEED = Number(args.get('seed') ?? 1);
const ON = args.get('on') ?? 'both';
const GOAL_MS = 120_000;

async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'marea-bench' });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** CPU seconds a local process has used (user + system), from /proc; NaN when not readable. */
function cpuSecondsOf(pid: number): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU used by Node and by the PostgreSQL backend in each phase: wall time lies on a shared machine. */
class CpuByPhase {
  private phase = 'start';
  private node = process.cpuUsage();
  private pg: number;
  readonly used: { phase: string; node: number; pg: number }[] = [];

  constructor(private readonly backendPid: number) {
    this.pg = cpuSecondsOf(backendPid);
  }

  enter(phase: string): void {
    if (phase === this.phase) return;
    this.close();
    this.phase = phase;
  }

  close(): void {
    const node = process.cpuUsage(this.node);
    const pg = cpuSecondsOf(this.backendPid);
    this.used.push({ phase: this.phase, node: (node.user + node.system) / 1e6, pg: pg - this.pg });
    this.node = process.cpuUsage();
    this.pg = pg;
  }
}

async function seedInto(url: string, label: string): Promise<DemoShopLoadReport> {
  await migrate(url);
  const client = new Client({ connectionString: url, application_name: 'marea-bench' });
  await client.connect();
  try {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    console.log(`\n== ${label} ${version}: ${await describeMachine(url)}`);
    const cpu = new CpuByPhase((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    let lastPrint = 0;
    const outcome = await seedDemoShop(client, {
      customers: CUSTOMERS,
      seed: SEED,
      now: new Date('2026-11-23T00:00:00Z'),
      onProgress: (p) => {
        cpu.enter(p.phase);
        if ((p.phase === 'rows' || p.phase === 'indexes') && Date.now() - lastPrint < 5000 && p.customersDone < p.customersTotal) return;
        lastPrint = Date.now();
        console.log(`  ${p.phase.padEnd(9)} ${p.customersDone.toLocaleString('en')}/${p.customersTotal.toLocaleString('en')}${p.detail ? ` ${p.detail}` : ''}`);
      },
    });
    cpu.close();
    if (!outcome.seeded) throw new Error('the benchmark database was not empty');
    const { report } = outcome;
    const rows = Object.entries(report.counts).filter(([table]) => table !== 'returns').reduce((sum, [, n]) => sum + n, 0);
    console.log(`\n  rows: ${JSON.stringify(report.counts)}`);
    for (const { phase, ms } of report.phases) console.log(`  ${phase.padEnd(10)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`  rows phase: generating+encoding ${seconds(report.generateMs)} in Node; COPY ${Object.entries(report.copyMs).map(([t, ms]) => `${t} ${seconds(ms)}`).join(', ')}`);
    console.log(`  indexes: ${Object.entries(report.indexMs).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
    const rowsPhase = report.phases.find((p) => p.phase === 'rows')?.ms ?? report.ms;
    console.log(`  total      ${(report.ms / 1000).toFixed(1).padStart(7)} s   ${rows.toLocaleString('en')} rows, ${Math.round(rows / (rowsPhase / 1000)).toLocaleString('en')} rows/s while streaming, ${Math.round(rows / (report.ms / 1000)).toLocaleString('en')} rows/s overall`);
    console.log(`  CPU seconds (Node / PostgreSQL backend): ${cpu.used.filter((u) => u.phase !== 'start').map((u) => `${u.phase} ${u.node.toFixed(1)} / ${u.pg.toFixed(1)}`).join(', ')}`);
    console.log(`  goal ${GOAL_MS / 1000} s: ${report.ms <= GOAL_MS ? 'met' : 'NOT met'}`);
    const size = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    console.log(`  database size ${size.rows[0].size}`);
    return report;
  } finally {
    await client.end();
  }
}

async function onRealServer(): Promise<void> {
  const database = await createBenchDatabase('marea_seed_bench');
  try {
    await seedInto(database.url, 'PostgreSQL server');
  } finally {
    await database.drop();
  }
}

async function onEmbedded(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marea-seed-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, database: 'marea' });
  try {
    await seedInto(server.url, 'embedded PostgreSQL');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Bulk seed benchmark: ${CUSTOMERS.toLocaleString('en')} customers, seed ${SEED}`);
  if (ON === 'real' || ON === 'both') await onRealServer();
  if (ON === 'embedded' || ON === 'both') await onEmbedded();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
