import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestPrincipal } from './request-principal';

/**
 * The signed-in user or API key of the request, for controllers that depend on who asks:
 * `list(@Principal() principal: Principal)`, then `customerVisibility(principal)` to keep a
 * manager to their own customers. Null only on public routes.
 */
export const Principal = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestPrincipal(context.switchToHttp().getRequest()),
);
