import type { Reflector } from '@nestjs/core';
import { ADMIN_ONLY, type AccessRule } from '@marea/domain/access';
import { ACCESS_RULE, PUBLIC_ROUTE } from './allow.decorator';

/**
 * Who may call a route, from its decorators (the method's first, then its controller's):
 * `'public'` for anyone, else the rule; a route that declares nothing is admin-only. The guard
 * decides with it and the OpenAPI document describes with it, so the two cannot disagree.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function routeAudience(reflector: Reflector, handler: Function, controller: Function): AccessRule | 'public' {
  const targets = [handler, controller];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return 'public';
  return reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, targets) ?? ADMIN_ONLY;
}
