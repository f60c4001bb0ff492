import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { createHttpApp } from '../../http/create-http-app';
import { createLogger } from '../../logging/create-logger';

// Tests read answers field by field, as an integrator's code would; the shapes are asserted there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
}

/** The real HTTP app on a random port over a test database, spoken to as an integrator would. */
export interface ApiUnderTest {
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** POST raw text, e.g. malformed JSON. */
  sendRaw(path: string, text: string, contentType?: string): Promise<Answer>;
  batch(resource: string, items: unknown[]): Promise<Answer>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function startApi(database: { dataSource: DataSource }, env: Record<string, string> = {}): Promise<ApiUnderTest> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', ...env });
  const app: INestApplication = await createHttpApp({ config, logger: createLogger(config), dataSource: database.dataSource });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();

  const answer = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const api: ApiUnderTest = {
    async send(method, path, body, headers = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return answer(response);
    },
    async sendRaw(path, text, contentType = 'application/json') {
      return answer(await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: text }));
    },
    batch: (resource, items) => api.send('POST', `/api/v1/${resource}`, { items }),
    rows: (sql, params = []) => database.dataSource.query(sql, params),
    async count(table) {
      const [{ count }] = await database.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      return count;
    },
    close: () => app.close(),
  };
  return api;
}
