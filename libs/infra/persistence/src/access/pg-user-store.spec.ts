import { useTestDatabase } from '@marea/testing';
import { PgApiKeyStore } from './pg-api-key-store';
import { PgSessionStore } from './pg-session-store';
import { PgUserStore, UserChangeRefused } from './pg-user-store';

describe('users, sessions and keys in PostgreSQL', () => {
  const db = useTestDatabase();
  const users = () => new PgUserStore(db().dataSource);
  const sessions = () => new PgSessionStore(db().dataSource, 12);

  it('lets exactly one of many simultaneous first-admin setups win', async () => {
    expect(await users().needsFirstAdmin()).toBe(true);
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => users().createFirstAdmin(`admin${i}@example.com`, `Admin ${i}`, 'hash')),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refusals = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason] : []));
    expect(refusals.every((reason) => reason instanceof UserChangeRefused && reason.reason === 'setup-done')).toBe(true);
    expect(await users().needsFirstAdmin()).toBe(false);
  });

  it('invites a manager created by ingestion, accepts the invitation once, and signs nobody in with it twice', async () => {
    await db().dataSource.query(`INSERT INTO users (email, name, role) VALUES ('ana@shop.example', 'ana', 'manager')`);
    const invitation = await users().invite('Ana@shop.example', 'Ana Ruiz', 'manager');
    expect(invitation.user).toMatchObject({ name: 'Ana Ruiz', role: 'manager', status: 'invited' });
    const stored = await db().dataSource.query(`SELECT invitation_hash::text AS hash FROM users WHERE id = $1`, [invitation.user.id]);
    expect(stored[0].hash).not.toContain(Buffer.from(invitation.token).toString('hex'));

    expect(await users().acceptInvitation(invitation.token, 'argon-hash')).toMatchObject({ status: 'active' });
    await expect(users().acceptInvitation(invitation.token, 'other')).rejects.toMatchObject({ reason: 'invitation-invalid' });
    await expect(users().invite('ana@shop.example', 'Ana', 'admin')).rejects.toMatchObject({ reason: 'email-taken' });
  });

  it('ends the sessions of a deactivated user at once, and keeps the last admin', async () => {
    const [admin] = (await users().list()).filter((user) => user.role === 'admin' && user.status === 'active');
    const marketer = (await users().invite('mia@example.com', 'Mia', 'marketer')).user;
    await users().acceptInvitation((await users().invite('leo@example.com', 'Leo', 'marketer')).token, 'hash');
    await db().dataSource.query(`UPDATE users SET password_hash = 'hash' WHERE id = $1`, [marketer.id]);
    const session = await sessions().open(marketer.id);
    expect(await sessions().principal(session.token)).toMatchObject({ role: 'marketer', email: 'mia@example.com' });

    await users().update(marketer.id, { active: false });
    expect(await sessions().principal(session.token)).toBeNull();
    expect(await users().findForSignIn('mia@example.com')).toBeNull();

    await expect(users().update(admin.id, { role: 'marketer' })).rejects.toMatchObject({ reason: 'last-admin' });
    await expect(users().update(admin.id, { active: false })).rejects.toMatchObject({ reason: 'last-admin' });
    await expect(users().update('999999', { active: false })).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('knows a key by its secret only while it is not revoked, and keeps no secret', async () => {
    const keys = new PgApiKeyStore(db().dataSource);
    const { key, secret } = await keys.create('Shop sync', 'ingest', null);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const dump = JSON.stringify(await db().dataSource.query(`SELECT *, key_hash::text FROM api_keys`));
    expect(dump).not.toContain(secret.slice(key.prefix.length));
    expect(await keys.principal(secret)).toEqual({ kind: 'key', keyId: key.id, name: 'Shop sync', scope: 'ingest' });
    await keys.revoke(key.id);
    expect(await keys.principal(secret)).toBeNull();
  });
});
