import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/**
 * Two API processes behind a balancer, on one database: each limit is counted once for both,
 * so alternating between them buys a client nothing.
 */
describe('rate limits shared by every process on the database', () => {
  const db = useTestDatabase();
  let first: ApiUnderTest;
  let second: ApiUnderTest;

  beforeAll(async () => {
    const env = { INGEST_RATE_LIMIT: '4', SIGN_IN_RATE_LIMIT: '3', PASSWORD_RESET_RATE_LIMIT: '2' };
    first = await startApi(db(), env, { as: { key: 'ingest' } });
    second = await startApi(db(), env, { as: 'anonymous' });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  /** The same request with the same credentials, to one process or the other. */
  const statusAt = async (api: ApiUnderTest, path: string, body: unknown, headers: Record<string, string> = {}) =>
    (await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }))
      .status;

  it('counts one key’s ingestion requests across both processes', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 6; request++) {
      const api = request % 2 === 0 ? first : second;
      statuses.push(await statusAt(api, '/api/v1/stores', { items: [] }, first.credentials));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('counts sign-in attempts for one email across both processes', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const api = attempt % 2 === 0 ? second : first;
      statuses.push(await statusAt(api, '/api/v1/session', { email: 'target@shop.example', password: `guess ${attempt}` }));
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts password reset requests for one email across both processes', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 4; request++) {
      const api = request % 2 === 0 ? first : second;
      statuses.push(await statusAt(api, '/api/v1/session/password-reset', { email: 'target@shop.example' }));
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
  });
});
