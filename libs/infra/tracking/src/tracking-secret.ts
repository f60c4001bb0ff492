import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const NAME = 'tracking';

/**
 * The secret that signs tracking links: `MAREA_SECRET` when configured; otherwise one generated
 * on first use and kept in the database, so the embedded default signs links with no setup and
 * links in mail already sent keep working after a restart. Several processes starting at once
 * agree on one secret: the first insert wins, everyone reads it back.
 */
export async function trackingSecret(dataSource: DataSource, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await dataSource.query(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    NAME,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await dataSource.query<{ value: string }[]>(`SELECT value FROM app_secrets WHERE name = $1`, [NAME]);
  return row.value;
}
