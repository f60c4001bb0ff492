import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { KeyScope, Role } from '@marea/contracts';
import { PgApiKeyStore, PgSessionStore } from '@marea/infra/persistence';
import { CSRF_HEADER, SESSION_COOKIE } from '../session-cookie';

/** Who a test acts as: a signed-in user of a role, an integration's key of a scope, or nobody. */
export type Actor = Role | { key: KeyScope } | 'anonymous';

export interface Credentials {
  /** Headers to send with every request: a bearer key, or the session cookie and its CSRF token. */
  headers: Record<string, string>;
  /** The user a role actor is (null for keys and anonymous), e.g. to make them a customer's manager. */
  userId: string | null;
}

/**
 * Credentials made directly in the test database, as sign-in or key creation would leave them,
 * without spending argon2 time per test. The sign-in path itself is tested in access-api.spec.ts.
 */
export async function testCredentials(dataSource: DataSource, actor: Actor): Promise<Credentials> {
  if (actor === 'anonymous') return { headers: {}, userId: null };
  if (typeof actor === 'object') {
    const { secret } = await new PgApiKeyStore(dataSource).create(`test ${actor.key} key`, actor.key, null);
    return { headers: { authorization: `Bearer ${secret}` }, userId: null };
  }
  const [{ id }] = await dataSource.query(
    `INSERT INTO users (email, name, role, password_hash, accepted_at) VALUES ($1, $2, $3, 'set-by-test', now()) RETURNING id::text AS id`,
    [`${actor}-${randomBytes(4).toString('hex')}@marea.test`, `Test ${actor}`, actor],
  );
  const session = await new PgSessionStore(dataSource, 1).open(id);
  return { headers: { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken }, userId: id };
}
