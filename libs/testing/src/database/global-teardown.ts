import type { TestServer } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__mareaTestServer'] as
    | { server: TestServer; template: string }
    | undefined;
  if (!state) return;
  const { withAdminClient } = await import('./admin-client');
  await withAdminClient(state.server.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${state.template} WITH (FORCE)`),
  ).catch(() => undefined);
  await state.server.close();
}
