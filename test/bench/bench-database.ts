import { Client } from 'pg';

/** The server benchmarks run on: DATABASE_URL, or the local PostgreSQL 15 that .ci/run sets up. */
export const BENCH_SERVER_URL = process.env['DATABASE_URL'] ?? 'postgres://marea:marea@127.0.0.1:5432/marea';

export interface BenchDatabase {
  url: string;
  /** True when the benchmark runs on a database an earlier run kept (`--database <url>`): nothing is seeded again. */
  reused: boolean;
  drop(): Promise<void>;
}

/**
 * The database a benchmark runs on: the one named by `--database <url>` (kept by an earlier run
 * with `--keep`, so a 1M-customer shop is seeded once for several benchmarks), or a new empty one.
 */
export async function openBenchDatabase(prefix: string, reuseUrl: string | undefined): Promise<BenchDatabase> {
  if (reuseUrl) return { url: reuseUrl, reused: true, drop: async () => undefined };
  return { ...(await createBenchDatabase(prefix)), reused: false };
}

/** Creates an empty database on the benchmark server; `drop()` removes it. */
export async function createBenchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new URL(BENCH_SERVER_URL);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function describeMachine(url: string): Promise<string> {
  const os = await import('node:os');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, PostgreSQL ${rows[0].server_version}, Node ${process.version}`;
  } finally {
    await client.end();
  }
}
