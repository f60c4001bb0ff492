import type { DataSource } from 'typeorm';
import type { ApiKey, KeyScope } from '@marea/contracts';
import { API_KEY_START, apiKeyPrefix, type KeyPrincipal } from '@marea/domain/access';
import { randomSecret, secretDigest } from './secret-digest';
import { toId } from './pg-user-store';

interface ApiKeyRow {
  id: string;
  name: string;
  scope: KeyScope;
  prefix: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = `k.id::text AS id, k.name, k.scope, k.prefix, u.email AS created_by, k.created_at, k.last_used_at, k.revoked_at`;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** API keys of integrations, stored as the SHA-256 of the secret and a short clear prefix. */
export class PgApiKeyStore {
  constructor(private readonly db: DataSource) {}

  async create(name: string, scope: KeyScope, createdBy: string | null): Promise<{ key: ApiKey; secret: string }> {
    const secret = `${API_KEY_START}${randomSecret()}`;
    const [row] = await this.db.query<ApiKeyRow[]>(
      `WITH k AS (
         INSERT INTO api_keys (name, scope, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *
       )
       SELECT ${COLUMNS} FROM k LEFT JOIN users u ON u.id = k.created_by`,
      [name, scope, apiKeyPrefix(secret), secretDigest(secret), createdBy],
    );
    return { key: toApiKey(row), secret };
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.query<ApiKeyRow[]>(
      `SELECT ${COLUMNS} FROM api_keys k LEFT JOIN users u ON u.id = k.created_by ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
    );
    return rows.map(toApiKey);
  }

  /** Revokes a key (once); null when there is no such key. */
  async revoke(id: string): Promise<ApiKey | null> {
    const [row] = await this.db.query<ApiKeyRow[]>(
      `WITH k AS (UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM k LEFT JOIN users u ON u.id = k.created_by`,
      [toId(id)],
    );
    return row ? toApiKey(row) : null;
  }

  /** The integration a secret belongs to, unless the key is unknown or revoked. */
  async principal(secret: string): Promise<KeyPrincipal | null> {
    const [row] = await this.db.query<{ id: string; name: string; scope: KeyScope }[]>(
      `SELECT id::text AS id, name, scope FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [secretDigest(secret)],
    );
    return row ? { kind: 'key', keyId: row.id, name: row.name, scope: row.scope } : null;
  }

  async markUsed(id: string): Promise<void> {
    await this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
