import type { AccessRule } from './access-rule';
import type { Principal } from './principal';

/** Whether a route guarded by `rule` lets this principal in. Nobody passes a non-public rule anonymously. */
export function permits(principal: Principal | null, rule: AccessRule): boolean {
  if (!principal) return false;
  return principal.kind === 'user' ? rule.roles.includes(principal.role) : rule.scopes.includes(principal.scope);
}

/** Methods that change something, which a session must confirm with its CSRF token. */
export function changesState(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
