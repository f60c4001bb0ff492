import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

describe('the account and money in two currencies', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db());
  });
  afterAll(() => api?.close());

  it('reads and changes the account settings, refusing wrong values with their place', async () => {
    expect(await api.send('GET', '/api/v1/account')).toEqual({ status: 200, body: { name: 'My shop', currency: 'EUR', timezone: 'UTC' } });
    const changed = await api.send('PUT', '/api/v1/account', { name: 'Huerto', currency: 'EUR', timezone: 'Europe/Madrid' });
    expect(changed).toEqual({ status: 200, body: { name: 'Huerto', currency: 'EUR', timezone: 'Europe/Madrid' } });

    const wrong = await api.send('PUT', '/api/v1/account', { name: '', currency: 'EURO', timezone: 'Mars/Olympus' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('INVALID_ACCOUNT');
    expect(wrong.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['currency', 'name', 'timezone']);
    expect((await api.send('GET', '/api/v1/account')).body.name).toBe('Huerto');
  });

  it('converts orders of a second currency at the rate of their date in the account time zone', async () => {
    await api.batch('stores', [
      { externalId: 'es', name: 'Tienda', channel: 'ecommerce', currency: 'EUR', timezone: 'Europe/Madrid' },
      { externalId: 'uk', name: 'Shop', channel: 'store', currency: 'GBP', timezone: 'Europe/London' },
    ]);
    const rates = await api.batch('currency-rates', [
      { currency: 'GBP', date: '2025-01-01', rate: 1.19 },
      { currency: 'GBP', date: '2025-01-02', rate: 1.21 },
      { currency: 'EUR', date: '2025-01-02', rate: 1 },
    ]);
    expect(rates.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['created', 'created', 'rejected']);

    // 23:30 UTC on the 1st is already the 2nd in Madrid, the account's time zone.
    const line = { sku: 'tea', quantity: 1, unitPrice: 100 };
    const { body } = await api.batch('orders', [
      { externalId: 'gb-late', customerExternalId: 'c', storeExternalId: 'uk', orderedAt: '2025-01-01T23:30:00Z', lines: [line] },
      { externalId: 'gb-early', customerExternalId: 'c', storeExternalId: 'uk', orderedAt: '2025-01-01T10:00:00Z', lines: [line] },
      { externalId: 'es-1', customerExternalId: 'c', storeExternalId: 'es', orderedAt: '2025-01-01T10:00:00Z', lines: [line] },
    ]);
    expect(body.created).toBe(3);
    const orders = await api.rows(`SELECT external_id, currency, total, total_account FROM orders ORDER BY external_id`);
    expect(orders).toEqual([
      { external_id: 'es-1', currency: 'EUR', total: '100.00', total_account: '100.00' },
      { external_id: 'gb-early', currency: 'GBP', total: '100.00', total_account: '119.00' },
      { external_id: 'gb-late', currency: 'GBP', total: '100.00', total_account: '121.00' },
    ]);
  });

  it('refuses to change the currency once orders are stored, with 409', async () => {
    const { status, body } = await api.send('PUT', '/api/v1/account', { name: 'Huerto', currency: 'USD', timezone: 'Europe/Madrid' });
    expect(status).toBe(409);
    expect(body.error.code).toBe('ACCOUNT_CURRENCY_LOCKED');
    expect(body.error.message).toMatch(/cannot change from EUR to USD: orders and currency rates are already stored/);
    expect((await api.send('GET', '/api/v1/account')).body.currency).toBe('EUR');
  });

  it('settles consents sent out of order on the newest', async () => {
    const consent = (status: string, changedAt: string) => ({ customerExternalId: 'c', channel: 'sms', status, changedAt, source: 'app' });
    await api.batch('consents', [consent('withdrawn', '2025-02-01T10:00:00+01:00')]);
    const late = await api.batch('consents', [consent('given', '2025-01-15T10:00:00Z'), consent('given', '2025-02-01T09:00:00Z')]);
    expect(late.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['created', 'created']);
    expect(await api.rows(`SELECT status FROM consents`)).toEqual([{ status: 'withdrawn' }]);
    expect(await api.count('consent_changes')).toBe(3);
  });
});
