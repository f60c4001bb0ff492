import type { INestApplication } from '@nestjs/common';
import { useTestDatabase } from '@marea/testing';
import { Overview } from '@marea/contracts';
import { loadConfig } from '../config/app-config';
import { createHttpApp } from '../http/create-http-app';
import { createLogger } from '../logging/create-logger';
import { testCredentials } from '../access/testing/test-credentials';

describe('GET /api/v1/overview', () => {
  const db = useTestDatabase();
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off' });
    app = await createHttpApp({ config, logger: createLogger(config), dataSource: db().dataSource });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app?.close());

  it('answers with the account figures in the documented shape', async () => {
    await db().dataSource.query(`INSERT INTO customers (external_id) VALUES ('c1'), ('c2')`);
    const { headers } = await testCredentials(db().dataSource, 'manager');
    const response = await fetch(`${base}/api/v1/overview`, { headers });
    expect(response.status).toBe(200);
    const overview = Overview.parse(await response.json());
    expect(overview).toMatchObject({ currency: 'EUR', customers: 2, allTime: { orders: 0, revenue: 0 } });
  });

  it('is described in the OpenAPI document', async () => {
    const document = await (await fetch(`${base}/api/openapi.json`)).json();
    const operation = document.paths['/api/v1/overview'].get;
    const schema = operation.responses['200'].content['application/json'].schema;
    const resolved = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema;
    expect(Object.keys(resolved.properties)).toEqual(expect.arrayContaining(['currency', 'allTime', 'months']));
  });
});
