import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

describe('the security bar of the HTTP API', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db(), { BODY_LIMIT: '2kb', INGEST_RATE_LIMIT: '3' }, { as: { key: 'ingest' } });
  });
  afterAll(() => api?.close());

  it('sends security headers with a Content Security Policy that allows scripts from Marea only', async () => {
    const { headers } = await api.send('GET', '/api/health');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'unsafe-hashes' 'sha256-[^']+'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('answers no cross-origin request unless its origin is configured', async () => {
    const preflight = (origin: string, url = api.url) =>
      fetch(`${url}/api/v1/overview`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const open = await startApi(db(), { CORS_ORIGINS: 'https://shop.example' });
    try {
      expect((await preflight('https://shop.example', open.url)).headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect((await preflight('https://evil.example', open.url)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('refuses a body over BODY_LIMIT before reading it', async () => {
    const answer = await api.batch('customers', [{ externalId: 'big', notes: 'x'.repeat(4000) }]);
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits ingestion per key, leaving other keys their own allowance', async () => {
    const other = await api.as({ key: 'ingest' });
    const statuses: number[] = [];
    for (let request = 0; request < 4; request++) statuses.push((await api.batch('stores', [])).status);
    // The 413 above was refused before anyone looked at the key, so it did not count.
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.batch('stores', []);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await other.batch('stores', [])).status).toBe(200);
  });

  it('answers a database failure with a generic 500: no SQL, no table name, no stack trace', async () => {
    const admin = await api.as({ key: 'admin' });
    await db().dataSource.query(`ALTER TABLE stores RENAME TO stores_moved_away`);
    try {
      const answer = await admin.batch('stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged. Please retry later.' },
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/stores|relation|SELECT|INSERT|\.ts:\d+|at /);
    } finally {
      await db().dataSource.query(`ALTER TABLE stores_moved_away RENAME TO stores`);
    }
  });
});
