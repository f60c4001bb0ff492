import type { NestExpressApplication } from '@nestjs/platform-express';
import { useTestDatabase } from '@marea/testing';
import { startApi, type Actor, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/**
 * Who may call every route, as tested below by calling it. A route added without a line here
 * fails the test; a route without `@Allow` is admin-only ("admin key:admin").
 * `public` routes take anyone, signed in or not.
 */
const EXPECTED: Record<string, string> = {
  'GET /api/health': 'public',
  // Access
  'POST /api/v1/session': 'public',
  'GET /api/v1/session': 'admin marketer manager',
  'DELETE /api/v1/session': 'admin marketer manager',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'POST /api/v1/session/password-reset': 'public',
  'POST /api/v1/session/password-reset/complete': 'public',
  'POST /api/v1/users/{id}/password-reset': 'admin key:admin',
  'GET /api/v1/users': 'admin key:admin',
  'POST /api/v1/users': 'admin key:admin',
  'PATCH /api/v1/users/{id}': 'admin key:admin',
  'GET /api/v1/api-keys': 'admin key:admin',
  'POST /api/v1/api-keys': 'admin key:admin',
  'DELETE /api/v1/api-keys/{id}': 'admin key:admin',
  'GET /api/v1/audit-log': 'admin key:admin',
  // Ingestion
  'POST /api/v1/stores': 'admin key:ingest key:admin',
  'POST /api/v1/currency-rates': 'admin key:ingest key:admin',
  'POST /api/v1/custom-fields': 'admin key:ingest key:admin',
  'POST /api/v1/customers': 'admin key:ingest key:admin',
  'POST /api/v1/consents': 'admin key:ingest key:admin',
  'POST /api/v1/products': 'admin key:ingest key:admin',
  'POST /api/v1/orders': 'admin key:ingest key:admin',
  'POST /api/v1/events': 'admin key:ingest key:admin',
  'GET /api/v1/account': 'admin marketer manager key:read key:admin',
  'PUT /api/v1/account': 'admin key:admin',
  // Imports and the overview
  'POST /api/v1/imports': 'admin marketer key:admin',
  'GET /api/v1/imports': 'admin marketer key:admin',
  'GET /api/v1/imports/{id}': 'admin marketer key:admin',
  'GET /api/v1/imports/{id}/rejects': 'admin marketer key:admin',
  'GET /api/v1/overview': 'admin marketer manager key:read key:admin',
  // Segments and notifications
  'GET /api/v1/segments': 'admin marketer key:admin',
  'POST /api/v1/segments': 'admin marketer key:admin',
  'POST /api/v1/segments/preview': 'admin marketer key:admin',
  'GET /api/v1/segments/{code}': 'admin marketer key:admin',
  'PATCH /api/v1/segments/{code}': 'admin marketer key:admin',
  'DELETE /api/v1/segments/{code}': 'admin marketer key:admin',
  'POST /api/v1/segments/{code}/activate': 'admin marketer key:admin',
  'POST /api/v1/segments/{code}/deactivate': 'admin marketer key:admin',
  'GET /api/v1/segments/{code}/customers': 'admin marketer key:admin',
  'GET /api/v1/segments/{code}/customers.csv': 'admin marketer key:admin',
  'GET /api/v1/segments/{code}/sizes': 'admin marketer key:admin',
  'GET /api/v1/segment-values': 'admin marketer key:admin',
  'GET /api/v1/segment-values/{list}': 'admin marketer key:admin',
  'GET /api/v1/notifications': 'admin marketer manager key:admin',
  'POST /api/v1/notifications/read': 'admin marketer manager key:admin',
  // The outbox (messages kept instead of sent)
  'GET /api/v1/outbox': 'admin marketer key:admin',
  'GET /api/v1/outbox/{id}': 'admin marketer key:admin',
  'GET /api/v1/customers/{id}/metrics': 'admin marketer manager key:read key:admin',
  // Customer 360
  'GET /api/v1/customers': 'admin marketer manager key:read key:admin',
  'GET /api/v1/customers/{id}': 'admin marketer manager key:read key:admin',
  'PATCH /api/v1/customers/{id}': 'admin marketer manager key:admin',
  'GET /api/v1/customers/{id}/timeline': 'admin marketer manager key:read key:admin',
  'GET /api/v1/customers/{id}/live': 'admin marketer manager key:read key:admin',
  'POST /api/v1/customers/{id}/merge/preview': 'admin marketer key:admin',
  'POST /api/v1/customers/{id}/merge': 'admin marketer key:admin',
  'GET /api/v1/customers/{id}/export': 'admin marketer key:admin',
  'POST /api/v1/customers/{id}/erasure': 'admin key:admin',
  // Tasks
  'GET /api/v1/tasks': 'admin marketer manager key:read key:admin',
  'POST /api/v1/tasks': 'admin marketer manager key:admin',
  'GET /api/v1/tasks/{id}': 'admin marketer manager key:read key:admin',
  'PATCH /api/v1/tasks/{id}': 'admin marketer manager key:admin',
  // Automations: marketers and admins edit, managers read
  'GET /api/v1/automations': 'admin marketer manager key:read key:admin',
  'POST /api/v1/automations': 'admin marketer key:admin',
  'GET /api/v1/automations/dead-letters': 'admin marketer key:admin',
  'POST /api/v1/automations/dead-letters/{jobId}/retry': 'admin marketer key:admin',
  'GET /api/v1/automations/{id}': 'admin marketer manager key:read key:admin',
  'PUT /api/v1/automations/{id}': 'admin marketer key:admin',
  'DELETE /api/v1/automations/{id}': 'admin marketer key:admin',
  'POST /api/v1/automations/{id}/activate': 'admin marketer key:admin',
  'POST /api/v1/automations/{id}/deactivate': 'admin marketer key:admin',
  'GET /api/v1/automations/{id}/versions': 'admin marketer manager key:read key:admin',
  'GET /api/v1/automations/{id}/runs': 'admin marketer manager key:read key:admin',
  'GET /api/v1/automations/{id}/why/{customerId}': 'admin marketer manager key:read key:admin',
  'GET /api/v1/automations/{id}/statistics': 'admin marketer manager key:read key:admin',
  'POST /api/v1/automations/preview': 'admin marketer key:admin',
  'POST /api/v1/automations/{id}/preview': 'admin marketer key:admin',
  'POST /api/v1/automations/{id}/test-send': 'admin marketer key:admin',
  // Analyses
  'GET /api/v1/analyses/clv-states': 'admin marketer key:admin',
  'POST /api/v1/analyses/personas': 'admin marketer key:admin',
  'GET /api/v1/analyses/personas': 'admin marketer key:admin',
  'GET /api/v1/analyses/personas/{id}': 'admin marketer key:admin',
  'PATCH /api/v1/analyses/personas/{id}/clusters/{cluster}': 'admin marketer key:admin',
  'GET /api/v1/analyses/personas/{id}/clusters/{cluster}/customers': 'admin marketer key:admin',
  'POST /api/v1/analyses/personas/{id}/clusters/{cluster}/enrichments': 'admin marketer key:admin',
  'GET /api/v1/analyses/personas/{id}/enrichments': 'admin marketer key:admin',
  'POST /api/v1/analyses/personas/enrichments/{enrichmentId}/revert': 'admin marketer key:admin',
  'POST /api/v1/analyses/clv-model/fits': 'admin marketer key:admin',
  'GET /api/v1/analyses/clv-model': 'admin marketer key:admin',
  'GET /api/v1/analyses/clv-model/fits/{id}': 'admin marketer key:admin',
  'GET /api/v1/analyses/rfm-transitions': 'admin marketer key:admin',
  'GET /api/v1/customers/{id}/rfm-history': 'admin marketer manager key:read key:admin',
  'GET /api/v1/analyses/refresh': 'admin marketer key:admin',
  'POST /api/v1/analyses/refresh': 'admin marketer key:admin',
  // Message tracking: the links inside messages, for recipients (who are not users)
  'GET /api/t/o/{file}': 'public',
  'GET /api/t/c/{token}': 'public',
  'GET /api/t/u/{token}': 'public',
  'POST /api/t/u/{token}': 'public',
};

const ACTORS: [string, Actor][] = [
  ['admin', 'admin'],
  ['marketer', 'marketer'],
  ['manager', 'manager'],
  ['key:ingest', { key: 'ingest' }],
  ['key:read', { key: 'read' }],
  ['key:admin', { key: 'admin' }],
];

/** What the OpenAPI document must say of a route the table lists: its credentials and audience. */
function documentedAccessOf(route: string): { security: object[]; access: unknown } {
  const audience = EXPECTED[route];
  if (audience === undefined) return { security: [{ 'missing from EXPECTED': route }], access: null };
  if (audience === 'public') return { security: [], access: 'public' };
  const names = audience.split(' ');
  const roles = names.filter((name) => !name.startsWith('key:')).sort();
  const keyScopes = names.filter((name) => name.startsWith('key:')).map((name) => name.slice('key:'.length)).sort();
  const session = route.startsWith('GET ') ? { session: [] } : { session: [], csrf: [] };
  return { security: [...(roles.length ? [session] : []), ...(keyScopes.length ? [{ apiKey: [] }] : [])], access: { roles, keyScopes } };
}

/** The audience an operation declares, lists sorted. */
function sortedAccess(access: unknown): unknown {
  if (typeof access !== 'object' || access === null) return access;
  const { roles, keyScopes } = access as { roles: string[]; keyScopes: string[] };
  return { roles: [...roles].sort(), keyScopes: [...keyScopes].sort() };
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every API route Nest registered, as `METHOD /path` in OpenAPI's `{param}` notation. */
function registeredRoutes(app: NestExpressApplication): string[] {
  const stack = app.getHttpAdapter().getInstance().router.stack as unknown as ExpressLayer[];
  return stack
    .filter((layer) => layer.route?.path.startsWith('/api/'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    .filter((route) => !/\/api\/(docs|openapi\.json)/.test(route));
}

describe('who may call each route', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let routes: string[];

  beforeAll(async () => {
    api = await startApi(db(), { SIGN_IN_RATE_LIMIT: '10000' }, { as: 'anonymous' });
    // The same registry the server answers from: a second app over the same database.
    const { createHttpApp } = await import('../http/create-http-app');
    const { loadConfig } = await import('../config/app-config');
    const { createLogger } = await import('../logging/create-logger');
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off' });
    const app = await createHttpApp({ config, logger: createLogger(config), dataSource: db().dataSource });
    await app.init();
    routes = registeredRoutes(app);
    await app.close();
  });
  afterAll(() => api?.close());

  it('has an expected audience for every registered route, and no line for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('lets in exactly the expected roles and key scopes, and nobody anonymous unless the route is public', async () => {
    const actual: Record<string, string> = {};
    for (const route of routes.filter((r) => r in EXPECTED)) {
      const [method, template] = route.split(' ');
      const path = template.replace(/\{\w+\}/g, '0');
      // An empty JSON object: enough to pass the gate, never a valid change, so nothing is written.
      const body = ['GET', 'DELETE'].includes(method) ? undefined : {};
      const admitted = async (actor: Actor) => {
        const client = await api.as(actor);
        const { status } = await client.send(method, path, body);
        return status !== 401 && status !== 403;
      };
      const names: string[] = [];
      for (const [name, actor] of ACTORS) if (await admitted(actor)) names.push(name);
      actual[route] = (await admitted('anonymous')) ? 'public' : names.join(' ');
      if (actual[route] === 'public') expect(names).toHaveLength(ACTORS.length);
    }
    expect(actual).toEqual(Object.fromEntries(routes.filter((r) => r in EXPECTED).map((route) => [route, EXPECTED[route]])));
  }, 120_000);

  it('declares in the OpenAPI document what each operation accepts, exactly as the table says', async () => {
    const document = await (await fetch(`${api.url}/api/openapi.json`)).json();
    expect(document.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'marea_session' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
      apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const documented: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [path, operations] of Object.entries<Record<string, { security?: unknown; 'x-marea-access'?: unknown }>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        documented[route] = { security: operation.security, access: sortedAccess(operation['x-marea-access']) };
        expected[route] = documentedAccessOf(route);
      }
    }
    expect(documented).toEqual(expected);
  });
});
