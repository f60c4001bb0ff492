import type { DataSource } from 'typeorm';
import type { User } from '@marea/contracts';
import { toId, UserChangeRefused } from './pg-user-store';
import { randomSecret, secretDigest } from './secret-digest';
import { toUser, USER_COLUMNS, type UserRow } from './user-rows';

/** A reset link just issued: the token is returned this once; only its digest is kept. */
export interface IssuedPasswordReset {
  user: User;
  token: string;
  expiresAt: Date;
}

/** Who can have their password reset: active users who already have one (others need an invitation). */
const RESETTABLE = `active AND password_hash IS NOT NULL`;

/**
 * One-time password reset links in PostgreSQL. Completing one sets the password, deletes every
 * open link of the user and ends every session of the user, in one transaction: a link works
 * once, and whoever held the old password (or a stolen session) is out.
 */
export class PgPasswordResets {
  constructor(private readonly db: DataSource) {}

  /** A link for a user an admin chose; refused for a user who cannot sign in with a password. */
  async issueForUser(userId: string, validMinutes: number): Promise<IssuedPasswordReset> {
    const [row] = await this.db.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [toId(userId)]);
    if (!row) throw new UserChangeRefused('not-found');
    if (!row.active || !row.password_hash) throw new UserChangeRefused('reset-impossible');
    return this.issue(row, validMinutes);
  }

  /** A link for whoever signs in with this email, or null when nobody does (the caller answers the same). */
  async issueForEmail(email: string, validMinutes: number): Promise<IssuedPasswordReset | null> {
    const [row] = await this.db.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1) AND ${RESETTABLE}`, [email]);
    return row ? this.issue(row, validMinutes) : null;
  }

  /** Sets the new password with a link's token: once, before it expires, for a user still active. */
  async complete(token: string, passwordHash: string): Promise<User> {
    return this.db.transaction(async (tx) => {
      const [used] = await tx.query<{ user_id: string; valid: boolean }[]>(
        `WITH used AS (DELETE FROM password_resets WHERE token_hash = $1 RETURNING user_id, expires_at)
         SELECT user_id::text AS user_id, expires_at > now() AS valid FROM used`,
        [secretDigest(token)],
      );
      if (!used?.valid) throw new UserChangeRefused('reset-invalid');
      const [row] = await tx.query<UserRow[]>(
        `WITH changed AS (UPDATE users SET password_hash = $2 WHERE id = $1 AND ${RESETTABLE} RETURNING *)
         SELECT ${USER_COLUMNS} FROM changed`,
        [used.user_id, passwordHash],
      );
      // Deactivated (or otherwise unable to sign in) since the link was issued.
      if (!row) throw new UserChangeRefused('reset-invalid');
      await tx.query(`DELETE FROM password_resets WHERE user_id = $1`, [row.id]);
      await tx.query(`DELETE FROM sessions WHERE user_id = $1`, [row.id]);
      return toUser(row);
    });
  }

  private async issue(user: UserRow, validMinutes: number): Promise<IssuedPasswordReset> {
    const token = randomSecret();
    // Expired links are useless; removed here so the table stays small.
    await this.db.query(`DELETE FROM password_resets WHERE expires_at <= now()`);
    const [{ expires_at: expiresAt }] = await this.db.query<{ expires_at: Date }[]>(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
      [user.id, secretDigest(token), validMinutes],
    );
    return { user: toUser(user), token, expiresAt };
  }
}
