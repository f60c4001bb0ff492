import type { DataSource } from 'typeorm';
import type { Role, User } from '@marea/contracts';
import { randomSecret, secretDigest } from './secret-digest';
import { toUser, USER_COLUMNS, type UserRow } from './user-rows';

const FIRST_ADMIN_LOCK = 'marea.first-admin';
const INVITATION_DAYS = 7;

/** Why a change to users was refused; the API maps each to an answer. */
export type UserChangeRefusal =
  | 'email-taken'
  | 'not-found'
  | 'last-admin'
  | 'setup-done'
  | 'invitation-invalid'
  | 'reset-impossible'
  | 'reset-invalid';
export class UserChangeRefused extends Error {
  constructor(readonly reason: UserChangeRefusal) {
    super(reason);
  }
}

/** Users, their passwords and invitations in PostgreSQL. Sessions of a deactivated user go with it. */
export class PgUserStore {
  constructor(private readonly db: DataSource) {}

  /** An active user who can sign in with a password. */
  async findForSignIn(email: string): Promise<(User & { passwordHash: string }) | null> {
    const [row] = await this.db.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1) AND active AND password_hash IS NOT NULL`,
      [email],
    );
    return row ? { ...toUser(row), passwordHash: row.password_hash! } : null;
  }

  async needsFirstAdmin(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND password_hash IS NOT NULL) AS needed`);
    return row.needed;
  }

  /**
   * Creates the installation's first admin, once. Concurrent attempts queue on an advisory lock,
   * so exactly one wins and the others are refused with `setup-done`. An existing user with the
   * email (e.g. a manager created by ingestion) becomes that admin.
   */
  async createFirstAdmin(email: string, name: string, passwordHash: string): Promise<User> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [FIRST_ADMIN_LOCK]);
      const [{ needed }] = await tx.query(
        `SELECT NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND password_hash IS NOT NULL) AS needed`,
      );
      if (!needed) throw new UserChangeRefused('setup-done');
      const [row] = await tx.query<UserRow[]>(
        `INSERT INTO users (email, name, role, password_hash, accepted_at) VALUES ($1, $2, 'admin', $3, now())
         ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name, role = 'admin', active = true,
           password_hash = EXCLUDED.password_hash, accepted_at = now(), deactivated_at = NULL
         RETURNING ${USER_COLUMNS}`,
        [email, name, passwordHash],
      );
      return toUser(row);
    });
  }

  /**
   * Invites a person (or re-invites a user who has no password yet, such as a manager created
   * by ingestion). The token is returned once; only its digest is kept.
   */
  async invite(email: string, name: string, role: Role): Promise<{ user: User; token: string; expiresAt: Date }> {
    const token = randomSecret();
    const [row] = await this.db.query<UserRow[]>(
      `INSERT INTO users (email, name, role, invitation_hash, invitation_expires_at, invited_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5), now())
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
         invitation_hash = EXCLUDED.invitation_hash, invitation_expires_at = EXCLUDED.invitation_expires_at, invited_at = now()
       WHERE users.password_hash IS NULL
       RETURNING ${USER_COLUMNS}`,
      [email, name, role, secretDigest(token), INVITATION_DAYS],
    );
    if (!row) throw new UserChangeRefused('email-taken');
    return { user: toUser(row), token, expiresAt: row.invitation_expires_at! };
  }

  /** Sets the password of an invited user; the token works once and not after it expires. */
  async acceptInvitation(token: string, passwordHash: string): Promise<User> {
    const [row] = await this.db.query<UserRow[]>(
      `WITH accepted AS (
         UPDATE users SET password_hash = $2, accepted_at = now(), invitation_hash = NULL, invitation_expires_at = NULL
         WHERE invitation_hash = $1 AND invitation_expires_at > now() AND active RETURNING *
       )
       SELECT ${USER_COLUMNS} FROM accepted`,
      [secretDigest(token), passwordHash],
    );
    if (!row) throw new UserChangeRefused('invitation-invalid');
    return toUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(email)`);
    return rows.map(toUser);
  }

  /**
   * Changes a role or deactivates/reactivates. Deactivation deletes the user's sessions in the
   * same transaction, so their next request is refused. The last active admin can be neither
   * demoted nor deactivated: an installation without an admin could not be managed.
   */
  async update(id: string, change: { role?: Role; active?: boolean }): Promise<{ before: User; after: User }> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [FIRST_ADMIN_LOCK]);
      const [before] = await tx.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [toId(id)]);
      if (!before) throw new UserChangeRefused('not-found');
      const losesAdmin = before.role === 'admin' && before.active && (change.active === false || (change.role && change.role !== 'admin'));
      if (losesAdmin) {
        const [{ admins }] = await tx.query(`SELECT count(*)::int AS admins FROM users WHERE role = 'admin' AND active AND password_hash IS NOT NULL`);
        if (admins <= 1) throw new UserChangeRefused('last-admin');
      }
      const [after] = await tx.query<UserRow[]>(
        `WITH updated AS (
           UPDATE users SET role = coalesce($2, role), active = coalesce($3::boolean, active),
             deactivated_at = CASE WHEN $3 = false THEN coalesce(deactivated_at, now()) WHEN $3 = true THEN NULL ELSE deactivated_at END
           WHERE id = $1 RETURNING *
         )
         SELECT ${USER_COLUMNS} FROM updated`,
        [toId(id), change.role ?? null, change.active ?? null],
      );
      if (change.active === false || (change.role && change.role !== before.role)) {
        // A new role takes effect at the next sign-in; ending the sessions makes it immediate.
        await tx.query(`DELETE FROM sessions WHERE user_id = $1`, [toId(id)]);
      }
      return { before: toUser(before), after: toUser(after) };
    });
  }

  async recordSignIn(id: string): Promise<void> {
    await this.db.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }
}

/** Ids travel as strings; anything that is not a bigint finds nobody instead of failing in SQL. */
export function toId(id: string): string {
  return /^\d{1,18}$/.test(id) ? id : '0';
}
