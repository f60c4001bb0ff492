import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
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
  const routes = controllerRoutes(app);
  const reflector = new Reflector();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as [string, Operation][]) {
      if (!METHODS.has(method)) continue;
      const route = routeOf(routes, method, path);
      if (!route) continue;
      const audience = routeAudience(reflector, route.handler, route.controller);
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

/** A controller method and the route it serves, without the global prefix (`/v1/users/{id}`). */
interface ControllerRoute {
  method: string;
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  handler: Function;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  controller: Function;
}

const asList = (paths: string | string[] | undefined): string[] => (paths === undefined ? ['/'] : Array.isArray(paths) ? paths : [paths]);
const joined = (...parts: string[]) =>
  `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');

/** Every route of every controller, read from Nest's own route metadata. */
function controllerRoutes(app: INestApplication): ControllerRoute[] {
  const scanner = new MetadataScanner();
  const routes: ControllerRoute[] = [];
  for (const nestModule of app.get(ModulesContainer).values()) {
    for (const { metatype: controller } of nestModule.controllers.values()) {
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of asList(Reflect.getMetadata(PATH_METADATA, handler))) routes.push({ method, path: joined(base, own), handler, controller });
        }
      }
    }
  }
  return routes;
}

/** The route a documented operation describes: same method, its path the document's after the global prefix. */
function routeOf(routes: ControllerRoute[], method: string, documentedPath: string): ControllerRoute | undefined {
  const matching = routes.filter((route) => route.method === method && documentedPath.endsWith(route.path));
  return matching.sort((a, b) => b.path.length - a.path.length)[0];
}
