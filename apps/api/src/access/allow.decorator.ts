import { SetMetadata } from '@nestjs/common';
import type { KeyScope, Role } from '@marea/contracts';
import { accessRule, type AccessRule } from '@marea/domain/access';

export const ACCESS_RULE = 'marea:access-rule';
export const PUBLIC_ROUTE = 'marea:public-route';

/**
 * Who may call a controller or a route: roles of signed-in users, scopes of API keys (an admin
 * key goes wherever the admin role does). A route without it is admin-only: see AccessGuard.
 */
export const Allow = (roles: readonly Role[], scopes: readonly KeyScope[] = []) =>
  SetMetadata<string, AccessRule>(ACCESS_RULE, accessRule(roles, scopes));

/** A route anyone may call without signing in: health, sign-in, first-admin setup, accepting an invitation. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Every role: with `Allow(ANY_ROLE, …)` everyone signed in, whatever their role. */
export const ANY_ROLE: readonly Role[] = ['admin', 'marketer', 'manager'];

/** People signed in through the web app, and no API key: their own session. */
export const SignedInUsers = () => SetMetadata<string, AccessRule>(ACCESS_RULE, { roles: ANY_ROLE, scopes: [] });
