import { startSmtpSink, useTestDatabase, type SmtpSink } from '@marea/testing';
import { startApi, type Answer, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/** A browser's view of a session: the cookie it was given and the CSRF token the app keeps. */
interface Browser {
  cookie: string;
  csrf: string;
}

const sessionOf = (answer: Answer): Browser => {
  const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('marea_session='));
  if (!cookie) throw new Error(`no session cookie in ${answer.status} ${JSON.stringify(answer.body)}`);
  return { cookie: cookie.split(';')[0], csrf: answer.body.csrfToken };
};

const tokenIn = (text: string): string => {
  const token = /\/password-reset\?token=([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no reset link in ${text}`);
  return token;
};

describe('resetting a forgotten password', () => {
  const db = useTestDatabase();
  let smtp: SmtpSink;
  let anonymous: ApiUnderTest;
  let admin: Browser;
  let mia: Browser;
  let miaId: string;

  const as = (browser: Browser, method: string, path: string, body?: unknown) =>
    anonymous.send(method, path, body, { cookie: browser.cookie, 'x-csrf-token': browser.csrf });
  const signIn = (email: string, password: string) => anonymous.send('POST', '/api/v1/session', { email, password });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    anonymous = await startApi(
      db(),
      { SMTP_URL: smtp.url, PUBLIC_URL: 'https://marea.shop.example', MAIL_FROM: 'Marea <marea@shop.example>', PASSWORD_RESET_RATE_LIMIT: '3' },
      { as: 'anonymous' },
    );
    admin = sessionOf(await anonymous.send('POST', '/api/v1/setup', { email: 'rosa@shop.example', name: 'Rosa', password: 'rosas long secret' }));
    const invitation = await as(admin, 'POST', '/api/v1/users', { email: 'mia@shop.example', name: 'Mia', role: 'marketer' });
    miaId = invitation.body.user.id;
    mia = sessionOf(await anonymous.send('POST', '/api/v1/invitations/accept', { token: invitation.body.token, password: 'mias first password' }));
  });
  afterAll(async () => {
    await anonymous?.close();
    await smtp?.close();
  });

  it('emails a one-time link to an account’s address, and answers an unknown address the same way', async () => {
    const unknown = await anonymous.send('POST', '/api/v1/session/password-reset', { email: 'nobody@shop.example' });
    const known = await anonymous.send('POST', '/api/v1/session/password-reset', { email: 'MIA@shop.example' });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);

    // Requests are handled in order: by the time Mia's email is here, the unknown one is done.
    const [email] = await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(email).toMatchObject({ to: ['mia@shop.example'], from: 'marea@shop.example', subject: 'Reset your Marea password' });
    expect(email.text).toContain('https://marea.shop.example/password-reset?token=');
    expect(email.headers['list-unsubscribe']).toBeUndefined();
    const [{ count }] = await anonymous.rows<{ count: number }>(`SELECT count(*)::int AS count FROM password_resets`);
    expect(count).toBe(1);
  });

  it('sets the new password with the link once, ends every session of the user, and the old password stops working', async () => {
    const token = tokenIn(smtp.messages[0].text);
    expect((await as(mia, 'GET', '/api/v1/session')).status).toBe(200);

    const tooShort = await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);

    const done = await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token, password: 'mias second password' });
    expect(done.status).toBe(204);
    expect((await as(mia, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('mia@shop.example', 'mias first password')).status).toBe(401);
    mia = sessionOf(await signIn('mia@shop.example', 'mias second password'));

    const again = await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token, password: 'mias third password!' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_LINK_INVALID');
    // The digest only: the token itself is nowhere in the database.
    expect(JSON.stringify(await anonymous.rows(`SELECT * FROM password_resets`))).not.toContain(token);
  });

  it('lets an admin issue a link for a user, shown once; refuses it for a user with no password yet', async () => {
    const issued = await as(admin, 'POST', `/api/v1/users/${miaId}/password-reset`);
    expect(issued.status).toBe(201);
    expect(issued.body.path).toBe(`/password-reset?token=${issued.body.token}`);
    expect(issued.body.user.email).toBe('mia@shop.example');
    const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // Issuing changes nothing until the link is used.
    expect((await as(mia, 'GET', '/api/v1/session')).status).toBe(200);

    const invited = await as(admin, 'POST', '/api/v1/users', { email: 'leo@shop.example', name: 'Leo', role: 'manager' });
    const refused = await as(admin, 'POST', `/api/v1/users/${invited.body.user.id}/password-reset`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RESET_IMPOSSIBLE');
    expect((await as(admin, 'POST', '/api/v1/users/999999/password-reset')).body.error.code).toBe('USER_NOT_FOUND');
    expect((await as(mia, 'POST', `/api/v1/users/${miaId}/password-reset`)).status).toBe(403);

    expect((await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token: issued.body.token, password: 'chosen with the admin link' })).status).toBe(204);
    expect((await as(mia, 'GET', '/api/v1/session')).status).toBe(401);
    expect((await signIn('mia@shop.example', 'chosen with the admin link')).status).toBe(200);
  });

  it('refuses an expired link, and a link of a user deactivated since', async () => {
    const expired = (await as(admin, 'POST', `/api/v1/users/${miaId}/password-reset`)).body.token;
    await anonymous.rows(`UPDATE password_resets SET expires_at = now() - interval '1 second'`);
    const late = await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token: expired, password: 'too late for this one' });
    expect(late.body.error.code).toBe('RESET_LINK_INVALID');

    const fresh = (await as(admin, 'POST', `/api/v1/users/${miaId}/password-reset`)).body.token;
    await as(admin, 'PATCH', `/api/v1/users/${miaId}`, { active: false });
    const deactivated = await anonymous.send('POST', '/api/v1/session/password-reset/complete', { token: fresh, password: 'not for a deactivated user' });
    expect(deactivated.body.error.code).toBe('RESET_LINK_INVALID');
    await as(admin, 'PATCH', `/api/v1/users/${miaId}`, { active: true });
  });

  it('limits requests per address and email', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 4; request++) {
      statuses.push((await anonymous.send('POST', '/api/v1/session/password-reset', { email: 'flood@shop.example' })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect((await anonymous.send('POST', '/api/v1/session/password-reset', { email: 'other@shop.example' })).status).toBe(202);
  });

  it('records issued, requested and completed resets in the audit log', async () => {
    const entries = (await as(admin, 'GET', '/api/v1/audit-log?limit=100')).body.items as { action: string; subject: string; actor: { label: string } }[];
    const resets = entries.filter((entry) => entry.action.startsWith('user.password-reset')).reverse();
    expect(resets.map(({ action, subject, actor }) => [action, subject, actor.label])).toEqual([
      ['user.password-reset-requested', 'mia@shop.example', 'anonymous'],
      ['user.password-reset', 'mia@shop.example', 'mia@shop.example'],
      ['user.password-reset-issued', 'mia@shop.example', 'rosa@shop.example'],
      ['user.password-reset', 'mia@shop.example', 'mia@shop.example'],
      ['user.password-reset-issued', 'mia@shop.example', 'rosa@shop.example'],
      ['user.password-reset-issued', 'mia@shop.example', 'rosa@shop.example'],
    ]);
  });
});

describe('resetting a password without SMTP', () => {
  const db = useTestDatabase();

  it('sends nothing (the outbox is readable by marketers), while answering as always', async () => {
    const api = await startApi(db(), { MAREA_ADMIN_EMAIL: 'ops@shop.example', MAREA_ADMIN_PASSWORD: 'provisioned secret' }, { as: 'anonymous' });
    try {
      const answer = await api.send('POST', '/api/v1/session/password-reset', { email: 'ops@shop.example' });
      expect(answer.status).toBe(202);
    } finally {
      // Closing waits for the queued request to be handled.
      await api.close();
    }
    expect(await api.count('outbox_messages')).toBe(0);
    expect(await api.count('password_resets')).toBe(0);
  });
});
