import type { KeyScope, Role } from '@marea/contracts';

/** A person signed in through the web app (a session cookie). */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly sessionId: string;
  readonly csrfToken: string;
}

/** An integration that sent `Authorization: Bearer <key>`. */
export interface KeyPrincipal {
  readonly kind: 'key';
  readonly keyId: string;
  readonly name: string;
  readonly scope: KeyScope;
}

/** Whoever made a request; `null` where nobody proved who they are. */
export type Principal = UserPrincipal | KeyPrincipal;

/** How the audit log and the logs name an actor. */
export function describePrincipal(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? principal.email : `key ${principal.name}`;
}
