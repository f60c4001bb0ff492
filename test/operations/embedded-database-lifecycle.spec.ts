import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { startMareaProcess, type MareaProcess } from '@marea/testing';

/**
 * The embedded default, as a newcomer meets it: no database server installed, Marea starts its
 * own PostgreSQL in a data folder, stops it on Ctrl-C / SIGTERM, and recovers after a crash.
 */
describe('Marea on its embedded database', () => {
  let dataDir: string;
  let dbPort: number;
  let marea: MareaProcess | undefined;

  const start = () =>
    startMareaProcess({ MAREA_DATA_DIR: dataDir, MAREA_DB_PORT: String(dbPort), SEED_DEMO: 'off' });

  const query = async (sql: string, params: unknown[] = []) => {
    const password = readFileSync(join(dataDir, 'marea-password'), 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port: dbPort, user: 'postgres', password, database: 'marea' });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  const postmasterPid = () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'marea-lifecycle-'));
    dbPort = await freePort();
  });

  afterAll(async () => {
    await marea?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with no database server, applies migrations and reports healthy', async () => {
    marea = await start();
    const health = await fetch(`${marea.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', migrations: { applied: true, pending: [] } });
  });

  it('stops its PostgreSQL cleanly on SIGTERM', async () => {
    const pgPid = postmasterPid();
    expect(await marea!.stop('SIGTERM')).toBe(0);
    expect(isAlive(pgPid)).toBe(false);
  });

  it('keeps committed data and recovers when both Marea and PostgreSQL are killed', async () => {
    marea = await start();
    await query(`INSERT INTO stores (external_id, name, channel, currency, timezone) VALUES ('web', 'Web', 'ecommerce', 'EUR', 'UTC')`);
    const pgPid = postmasterPid();
    marea.child.kill('SIGKILL');
    process.kill(pgPid, 'SIGKILL');
    await marea.stop();

    marea = await start();
    expect(await query('SELECT external_id FROM stores')).toEqual([{ external_id: 'web' }]);
    expect((await fetch(`${marea.url}/api/health`)).status).toBe(200);
  });

  it('takes the folder back from a PostgreSQL orphaned by a killed Marea', async () => {
    const orphanPid = postmasterPid();
    marea!.child.kill('SIGKILL');
    await marea!.stop();
    expect(isAlive(orphanPid)).toBe(true);

    marea = await start();
    expect(isAlive(orphanPid)).toBe(false);
    expect(await query('SELECT count(*)::int AS stores FROM stores')).toEqual([{ stores: 1 }]);
    expect(await marea.stop()).toBe(0);
  });

  it('refuses a bad setting with the variable and the reason', async () => {
    await expect(startMareaProcess({ PORT: 'eighty', MAREA_DATA_DIR: dataDir }, 10_000)).rejects.toThrow(
      /exited with 78[\s\S]*PORT="eighty"/,
    );
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
