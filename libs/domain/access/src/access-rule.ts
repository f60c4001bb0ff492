import type { KeyScope, Role } from '@marea/contracts';

/** Who may call a route: the roles of signed-in users and the scopes of API keys. */
export interface AccessRule {
  readonly roles: readonly Role[];
  readonly scopes: readonly KeyScope[];
}

/**
 * The rule of a route that declares none. Deny by default: a route added before anyone thought
 * about its audience is reachable by admins only, never by a marketer, a manager or a narrow key.
 */
export const ADMIN_ONLY: AccessRule = { roles: ['admin'], scopes: ['admin'] };

/** Builds a rule; an `admin` key may do whatever an admin may, so it follows the admin role. */
export function accessRule(roles: readonly Role[], scopes: readonly KeyScope[] = []): AccessRule {
  const withAdminKey = roles.includes('admin') && !scopes.includes('admin') ? [...scopes, 'admin' as const] : scopes;
  return { roles, scopes: withAdminKey };
}
