import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

describe('requests refused as a whole', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db(), { BODY_LIMIT: '2kb', BATCH_LIMIT: '3' });
    await api.batch('customers', [{ externalId: 'known', firstName: 'Ana' }]);
  });
  afterAll(() => api?.close());

  const customersIntact = async () => {
    expect(await api.rows(`SELECT external_id, first_name FROM customers`)).toEqual([{ external_id: 'known', first_name: 'Ana' }]);
  };

  it('says where malformed JSON breaks', async () => {
    const { status, body } = await api.sendRaw('/api/v1/customers', '{"items": [\n  {"externalId": "known", "firstName": "Bea",}\n]}');
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_JSON');
    expect(body.error.message).toMatch(/^The request body is not valid JSON: .*\(line 2, column \d+\)\.$/);
    await customersIntact();
  });

  it.each([
    ['a list instead of the envelope', [{ externalId: 'x' }], /must be a JSON object \{ "items": \[ … \] \}/],
    ['no items', { customers: [] }, /"customers" is not a known field/],
    ['items that are not a list', { items: { externalId: 'x' } }, /"items" must be a list/],
    ['an unknown top-level field', { items: [], dryRun: true }, /"dryRun" is not a known field/],
    ['a missing items field', {}, /"items" is required/],
  ])('refuses %s with 400', async (_, body, message) => {
    const answer = await api.send('POST', '/api/v1/customers', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_BATCH', message: expect.stringMatching(message) });
    await customersIntact();
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await api.sendRaw('/api/v1/customers', 'externalId=x', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/Content-Type: application\/json; got no JSON body/);
  });

  it('refuses a body over BODY_LIMIT with 413 naming the limit', async () => {
    const items = [{ externalId: 'known', firstName: 'x'.repeat(3000) }];
    const { status, body } = await api.batch('customers', items);
    expect(status).toBe(413);
    expect(body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 2kb (setting BODY_LIMIT); send fewer items per request.',
    });
    await customersIntact();
  });

  it('refuses a batch over BATCH_LIMIT with 413 naming the limit', async () => {
    const items = Array.from({ length: 4 }, (_, i) => ({ externalId: `c-${i}` }));
    const { status, body } = await api.batch('customers', items);
    expect(status).toBe(413);
    expect(body.error.code).toBe('BATCH_TOO_LARGE');
    expect(body.error.message).toMatch(/has 4 items; the limit is 3 per request \(setting BATCH_LIMIT\)/);
    await customersIntact();
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { status, body } = await api.send('POST', '/api/v1/customer', { items: [] });
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/There is no POST \/api\/v1\/customer/) });
  });
});

describe('a fault on our side', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
  });
  afterAll(() => api?.close());

  it('is a 500 with a generic message: no stack trace, no SQL', async () => {
    await api.rows(`ALTER TABLE stores RENAME COLUMN timezone TO time_zone`);
    const { status, body } = await api.batch('stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged. Please retry later.' } });
  });
});
