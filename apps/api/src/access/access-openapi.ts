import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, SecuritySchemeObject } from '@nestjs/swagger';
import { changesState } from '@marea/domain/access';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie';
import { routeAudience } from './route-audience';

type Operation = OperationObject & { 'x-marea-access'?: unknown };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The credentials Marea takes, as OpenAPI security schemes. */
const SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The web app’s session: httpOnly cookie set by POST /api/v1/session (sign-in).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'With a session, every request that changes something (POST, PUT, PATCH, DELETE) carries the session’s CSRF token, answered by sign-in and GET /api/v1/session.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'marea_…',
    description: 'An integration’s API key (Authorization: Bearer marea_…), scoped to ingest, read or admin; created by an admin.',
  },
};

/**
 * Writes into the OpenAPI document who may call each operation, from the same decorators the
 * guard decides with (routeAudience): `security` lists the credentials it accepts (none for a
 * public route; the session, with its CSRF header when the method changes something; a bearer
 * key), and `x-marea-access` the roles and key scopes that pass.
 */
export function documentAccess(app: INestApplication, document: OpenAPIObject): void {
  document.components = { ...document.components, securitySchemes: { ...document.components?.securitySchemes, ...SECURITY_SCHEMES } };
  const controllers = controllersByName(app);
  const reflector = new Reflector();
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, Operation][]) {
      if (!METHODS.has(method)) continue;
      // Operation ids are `Controller_method` (the document's default).
      const [controllerName, handlerName] = (operation.operationId ?? '').split('_');
      const controller = controllers.get(controllerName);
      const handler = controller?.prototype[handlerName];
      if (!controller || typeof handler !== 'function') continue;
      const audience = routeAudience(reflector, handler, controller);
      if (audience === 'public') {
        operation.security = [];
        operation['x-marea-access'] = 'public';
        continue;
      }
      const session: Record<string, string[]> = changesState(method) ? { session: [], csrf: [] } : { session: [] };
      operation.security = [...(audience.roles.length ? [session] : []), ...(audience.scopes.length ? [{ apiKey: [] }] : [])];
      operation['x-marea-access'] = { roles: [...audience.roles], keyScopes: [...audience.scopes] };
      const who = [
        audience.roles.length ? `signed-in ${audience.roles.join(', ')}` : null,
        audience.scopes.length ? `API keys with scope ${audience.scopes.join(', ')}` : null,
      ].filter(Boolean);
      operation.description = [operation.description, `Who may call it: ${who.join('; ')}.`].filter(Boolean).join('\n\n');
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function controllersByName(app: INestApplication): Map<string, Function & { prototype: Record<string, unknown> }> {
  const controllers = new Map<string, Function & { prototype: Record<string, unknown> }>();
  for (const nestModule of app.get(ModulesContainer).values()) {
    for (const wrapper of nestModule.controllers.values()) {
      if (typeof wrapper.metatype === 'function') controllers.set(wrapper.metatype.name, wrapper.metatype as never);
    }
  }
  return controllers;
}
