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

/** Who did something, as the audit log records them; every principal is one. */
export type AuditActor = Pick<UserPrincipal, 'kind' | 'userId' | 'email'> | Pick<KeyPrincipal, 'kind' | 'keyId' | 'name'>;

/** How the audit log names an actor; `null` is nobody signed in (e.g. a failed sign-in). */
export function describeActor(actor: AuditActor | null): string {
  if (!actor) return 'anonymous';
  return actor.kind === 'user' ? actor.email : `key ${actor.name}`;
}

/** How a change's history names whoever made it (a customer edited by …). */
export function describePrincipal(principal: Principal | null): string {
  return describeActor(principal);
}
