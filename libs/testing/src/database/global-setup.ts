import { register } from 'tsconfig-paths';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * Jest globalSetup for suites that touch PostgreSQL: opens the server (embedded unless
 * DATABASE_URL is set) and migrates one template database; each test file then clones it
 * (`CREATE DATABASE … TEMPLATE …`), which takes milliseconds and isolates files from each other.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '../../../..');
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  register({ baseUrl: root, paths: compilerOptions.paths });

  const { openTestServer } = await import('./test-server');
  const { databaseUrl, withAdminClient } = await import('./admin-client');
  const { migrateTemplate } = await import('./migrate-template');

  const server = await openTestServer();
  const template = `marea_template_${process.pid}_${Date.now().toString(36)}`;
  await withAdminClient(server.adminUrl, (client) => client.query(`CREATE DATABASE ${template}`));
  await migrateTemplate(databaseUrl(server.adminUrl, template));

  process.env['MAREA_TEST_ADMIN_URL'] = server.adminUrl;
  process.env['MAREA_TEST_TEMPLATE'] = template;
  (globalThis as Record<string, unknown>)['__mareaTestServer'] = { server, template };
}
