import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropTestDatabase, startMareaProcess, TEST_ADMIN, type SignedInSession } from '@marea/testing';

const WEB_DIST = join(__dirname, '../../../../dist/apps/web/browser');

export interface RunningMarea {
  readonly url: string;
  /** The first admin the server was started with (MAREA_ADMIN_EMAIL / MAREA_ADMIN_PASSWORD). */
  readonly admin: typeof TEST_ADMIN;
  /** A session of the admin, for pushing data through the API. */
  signIn(): Promise<SignedInSession>;
  /** What the server printed so far: its log, for a failure's explanation. */
  output(): string;
  /** SIGTERM, wait for the exit, then remove the database the run created. */
  stop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The built Marea server (`node dist/apps/api/main.js`) on an empty database of its own: a fresh
 * embedded PostgreSQL in a temporary folder, or, when DATABASE_URL is set, a database created
 * on that server for this run and dropped after it.
 */
export async function startMareaOnFreshDatabase(): Promise<RunningMarea> {
  const env: Record<string, string> = { SEED_DEMO: 'off', WEB_DIST, AUTOMATION_ENGINE: 'on' };
  let cleanUp: () => Promise<void>;
  const external = process.env['DATABASE_URL'];
  if (external) {
    const name = `marea_e2e_${randomBytes(5).toString('hex')}`;
    await onServer(external, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(external);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    cleanUp = () => dropTestDatabase(external, name);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'marea-e2e-'));
    env['MAREA_DATA_DIR'] = dataDir;
    cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    const marea = await startMareaProcess(env);
    return {
      url: marea.url,
      admin: TEST_ADMIN,
      signIn: () => marea.signIn(),
      output: () => marea.output(),
      async stop() {
        await marea.stop('SIGTERM');
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
