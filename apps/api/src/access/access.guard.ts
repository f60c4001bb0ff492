import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { bearerKey, changesState, permits, type Principal } from '@marea/domain/access';
import { PgSessionStore } from '@marea/infra/persistence';
import { RequestRefusal } from '../http/request-refusal';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { setRequestPrincipal } from './request-principal';
import { routeAudience } from './route-audience';
import { CSRF_HEADER, sessionToken } from './session-cookie';

/**
 * The one gate of every route (APP_GUARD). It finds who is asking (a bearer API key, else the
 * session cookie), checks a session's CSRF token on every request that changes something, and
 * lets the request through only if the route's rule permits that principal. A route with no
 * rule is admin-only, so forgetting `@Allow` can only lock people out, never let them in.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PgSessionStore) private readonly sessions: PgSessionStore,
    @Inject(ApiKeyAuthenticator) private readonly keys: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = routeAudience(this.reflector, context.getHandler(), context.getClass());
    if (rule === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();

    const principal = await this.authenticate(request);
    if (!principal) {
      throw new RequestRefusal(401, 'UNAUTHENTICATED', 'Sign in, or send an API key as "Authorization: Bearer <key>".');
    }
    if (principal.kind === 'user' && changesState(request.method) && !csrfTokenMatches(request, principal.csrfToken)) {
      throw new RequestRefusal(403, 'CSRF_TOKEN_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
    }
    if (!permits(principal, rule)) {
      const who = principal.kind === 'user' ? `the role ${principal.role}` : `an API key with the scope ${principal.scope}`;
      throw new RequestRefusal(403, 'FORBIDDEN', `${request.method} ${request.path} is not allowed for ${who}.`);
    }
    setRequestPrincipal(request, principal);
    return true;
  }

  private async authenticate(request: Request): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      // A wrong key is refused outright rather than falling back to a cookie.
      const key = bearerKey(authorization);
      return key ? this.keys.principal(key) : null;
    }
    const token = sessionToken(request);
    return token ? this.sessions.principal(token) : null;
  }
}

function csrfTokenMatches(request: Request, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
