import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { testCredentials, type Actor } from '../../access/testing/test-credentials';
import { loadConfig } from '../../config/app-config';
import { createHttpApp } from '../../http/create-http-app';
import { createLogger } from '../../logging/create-logger';

export type { Actor } from '../../access/testing/test-credentials';

// Tests read answers field by field, as an integrator's code would; the shapes are asserted there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
  readonly headers: Headers;
}

/** The real HTTP app on a random port over a test database, spoken to as an integrator would. */
export interface ApiUnderTest {
  readonly url: string;
  /** The user this client acts as, for role actors (null for keys and anonymous). */
  readonly userId: string | null;
  /** The credentials it sends (session cookie and CSRF token, or bearer key), for a raw fetch. */
  readonly credentials: Record<string, string>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** POST raw text, e.g. malformed JSON. */
  sendRaw(path: string, text: string, contentType?: string): Promise<Answer>;
  batch(resource: string, items: unknown[]): Promise<Answer>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  count(table: string): Promise<number>;
  /** Another client of the same server acting as someone else (a new user or key each time). */
  as(actor: Actor): Promise<ApiUnderTest>;
  /** Stops the server (every client of it). */
  close(): Promise<void>;
}

export interface StartApiOptions {
  /** Who the client acts as; an admin API key unless said otherwise. */
  as?: Actor;
}

export async function startApi(
  database: { dataSource: DataSource },
  env: Record<string, string> = {},
  options: StartApiOptions = {},
): Promise<ApiUnderTest> {
  // No automation engine unless a test asks for one: tests that need it start their own.
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', AUTOMATION_ENGINE: 'off', ...env });
  const app: INestApplication = await createHttpApp({ config, logger: createLogger(config), dataSource: database.dataSource });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();

  const answer = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    const result = { status: response.status, body: text ? JSON.parse(text) : undefined } as Answer;
    // Not enumerable, so tests may compare an answer with toEqual({ status, body }).
    return Object.defineProperty(result, 'headers', { value: response.headers, enumerable: false });
  };

  const client = async (actor: Actor): Promise<ApiUnderTest> => {
    const credentials = await testCredentials(database.dataSource, actor);
    const api: ApiUnderTest = {
      url: base,
      userId: credentials.userId,
      credentials: credentials.headers,
      async send(method, path, body, headers = {}) {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { ...credentials.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return answer(response);
      },
      async sendRaw(path, text, contentType = 'application/json') {
        const headers = { ...credentials.headers, 'content-type': contentType };
        return answer(await fetch(`${base}${path}`, { method: 'POST', headers, body: text }));
      },
      batch: (resource, items) => api.send('POST', `/api/v1/${resource}`, { items }),
      rows: (sql, params = []) => database.dataSource.query(sql, params),
      async count(table) {
        const [{ count }] = await database.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
        return count;
      },
      as: client,
      close: () => app.close(),
    };
    return api;
  };
  return client(options.as ?? { key: 'admin' });
}
