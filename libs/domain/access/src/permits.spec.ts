import { ADMIN_ONLY, accessRule } from './access-rule';
import { customerVisibility } from './customer-visibility';
import { permits } from './permits';
import type { KeyPrincipal, UserPrincipal } from './principal';

const user = (role: UserPrincipal['role']): UserPrincipal => ({
  kind: 'user',
  userId: '7',
  email: `${role}@example.com`,
  name: role,
  role,
  sessionId: '1',
  csrfToken: 'x',
});
const key = (scope: KeyPrincipal['scope']): KeyPrincipal => ({ kind: 'key', keyId: '3', name: 'shop', scope });

describe('who a route lets in', () => {
  it('lets only admins and admin keys through a route that declares nothing', () => {
    expect(permits(user('admin'), ADMIN_ONLY)).toBe(true);
    expect(permits(key('admin'), ADMIN_ONLY)).toBe(true);
    for (const outsider of [user('marketer'), user('manager'), key('ingest'), key('read'), null]) {
      expect(permits(outsider, ADMIN_ONLY)).toBe(false);
    }
  });

  it('follows the roles and scopes a route declares, an admin key going wherever an admin goes', () => {
    const ingestion = accessRule(['admin'], ['ingest']);
    expect(ingestion.scopes).toEqual(['ingest', 'admin']);
    expect(permits(key('ingest'), ingestion)).toBe(true);
    expect(permits(key('read'), ingestion)).toBe(false);
    expect(permits(user('marketer'), ingestion)).toBe(false);

    const overview = accessRule(['admin', 'marketer', 'manager'], ['read']);
    expect([user('marketer'), user('manager'), key('read')].every((who) => permits(who, overview))).toBe(true);
    expect(permits(key('ingest'), overview)).toBe(false);
    expect(permits(null, overview)).toBe(false);
  });

  it('keeps a role without the admin role away from admin keys', () => {
    expect(accessRule(['marketer']).scopes).toEqual([]);
    expect(permits(key('admin'), accessRule(['marketer']))).toBe(false);
  });
});

describe('which customers a principal sees', () => {
  it('restricts a manager to the customers they manage, and nobody else', () => {
    expect(customerVisibility(user('manager'))).toEqual({ kind: 'managed-by', userId: '7' });
    expect(customerVisibility(user('marketer'))).toEqual({ kind: 'all' });
    expect(customerVisibility(key('read'))).toEqual({ kind: 'all' });
  });
});
