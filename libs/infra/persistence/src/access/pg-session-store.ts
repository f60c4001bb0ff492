import type { DataSource } from 'typeorm';
import type { UserPrincipal } from '@marea/domain/access';
import type { Role } from '@marea/contracts';
import { randomSecret, secretDigest } from './secret-digest';

/** A new session: the token goes into the cookie, the CSRF token to the web app; neither is kept in clear. */
export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const LAST_SEEN_EVERY_MS = 60_000;

/** Sessions of signed-in users, stored by the SHA-256 of their token. */
export class PgSessionStore {
  constructor(
    private readonly db: DataSource,
    private readonly ttlHours: number,
  ) {}

  async open(userId: string): Promise<OpenedSession> {
    const token = randomSecret();
    const csrfToken = randomSecret();
    const [row] = await this.db.query<{ expires_at: Date }[]>(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       RETURNING expires_at`,
      [secretDigest(token), userId, csrfToken, this.ttlHours],
    );
    return { token, csrfToken, expiresAt: row.expires_at };
  }

  /**
   * The signed-in user of a token, or null when the session is unknown, expired, or its user is
   * deactivated. Last-seen is written at most once a minute per session.
   */
  async principal(token: string): Promise<UserPrincipal | null> {
    const [row] = await this.db.query<
      { session_id: string; csrf_token: string; user_id: string; email: string; name: string; role: Role; stale: boolean }[]
    >(
      `SELECT s.id::text AS session_id, s.csrf_token, u.id::text AS user_id, u.email, u.name, u.role,
              s.last_seen_at < now() - make_interval(secs => $2) AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active AND u.password_hash IS NOT NULL`,
      [secretDigest(token), LAST_SEEN_EVERY_MS / 1000],
    );
    if (!row) return null;
    if (row.stale) await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    return {
      kind: 'user',
      userId: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
    };
  }

  async close(sessionId: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  /** Expired sessions are useless; removed when someone signs in, so the table stays small. */
  async removeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE expires_at <= now()`);
  }
}
