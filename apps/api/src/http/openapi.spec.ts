import type { NestExpressApplication } from '@nestjs/platform-express';
import { useTestDatabase } from '@marea/testing';
import { loadConfig } from '../config/app-config';
import { createLogger } from '../logging/create-logger';
import { createHttpApp } from './create-http-app';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every API route Nest registered, as `METHOD /path` in OpenAPI's `{param}` notation. */
function registeredRoutes(app: NestExpressApplication): string[] {
  // Express types its router stack without the `methods` a route carries at run time.
  const stack = app.getHttpAdapter().getInstance().router.stack as unknown as ExpressLayer[];
  return stack
    .filter((layer) => layer.route?.path.startsWith('/api/'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    );
}

describe('the OpenAPI document', () => {
  const db = useTestDatabase();
  let app: NestExpressApplication;
  let document: { paths: Record<string, Record<string, { responses?: object; summary?: string }>> };

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off' });
    app = await createHttpApp({ config, logger: createLogger(config), dataSource: db().dataSource });
    await app.listen(0, '127.0.0.1');
    document = await (await fetch(`${await app.getUrl()}/api/openapi.json`)).json();
  });
  afterAll(() => app?.close());

  it('describes every route the API serves, each with a summary and its responses', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The document and its viewer are not part of the API they describe.
    const routes = registeredRoutes(app).filter((route) => !/\/api\/(docs|openapi\.json)/.test(route));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);

    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ route: `${method} ${path}`, summary: Boolean(operation.summary) }).toEqual({
          route: `${method} ${path}`,
          summary: true,
        });
      }
    }
  });
});
