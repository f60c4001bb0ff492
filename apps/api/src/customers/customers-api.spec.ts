import { recencyState } from '@marea/domain/analyses';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { pushCustomerShop } from './testing/customer-shop';

describe('the customer 360 API: search, profile and edit', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;
  let marek: string;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia, marek } = await pushCustomerShop(api));
  });
  afterAll(() => api?.close());

  const found = async (q: string) => {
    const { status, body } = await api.send('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    return body.items.map((item: { externalId: string }) => item.externalId);
  };

  describe('search', () => {
    it.each([
      ['a first name without its accent', 'lucia', ['CRM-1001']],
      ['a surname in capitals with an accent', 'NÚÑEZ', ['CRM-1001']],
      ['a Polish letter typed plainly', 'lukasiewicz', ['CRM-2002']],
      ['surname before first name', 'garcia lucia', ['CRM-1001']],
      ['part of an email in another case', 'lucia.garcia@EXAMPLE', ['CRM-1001']],
      ['an email domain shared by nobody else', 'example.pl', ['CRM-2002']],
      ['a phone written without spaces', '600123456', ['CRM-1001']],
      ['a phone written with other punctuation', '+48 512 987 654', ['CRM-2002']],
      ['part of an external id', 'crm-100', ['CRM-1001']],
      ['a short exact external id', 'CRM-2002', ['CRM-2002']],
      ['a term nobody has', 'zzzz', []],
    ])('finds a customer by %s (%s)', async (_, q, expected) => {
      expect(await found(q)).toEqual(expected);
    });

    it('lists every customer, newest first, without a query; pages say whether there is more', async () => {
      expect(await found('')).toEqual(['CRM-2002', 'CRM-1001']);
      const first = await api.send('GET', '/api/v1/customers?pageSize=1');
      expect(first.body).toMatchObject({ page: 1, pageSize: 1, hasMore: true, items: [{ externalId: 'CRM-2002', firstName: 'Marek' }] });
      const second = await api.send('GET', '/api/v1/customers?pageSize=1&page=2');
      expect(second.body).toMatchObject({ hasMore: false, items: [{ externalId: 'CRM-1001' }] });
    });

    it('treats LIKE wildcards as plain characters', async () => {
      expect(await found('%%%')).toEqual([]);
      expect(await found('___')).toEqual([]);
    });

    it('refuses a bad page size, naming the parameter', async () => {
      const { status, body } = await api.send('GET', '/api/v1/customers?pageSize=500');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'INVALID_QUERY', details: [{ field: 'pageSize' }] });
    });
  });

  describe('profile', () => {
    it('shows personal data, contact, consents, tags, typed attributes, cart, favourites, last order and last products', async () => {
      const { status, body } = await api.send('GET', `/api/v1/customers/${lucia}`);
      expect(status).toBe(200);
      // The recency state follows the clock: Lucía last bought on 1 March 2025.
      const daysSinceLastOrder = Math.floor((Date.now() - Date.parse('2025-03-01T10:00:00Z')) / 86_400_000);
      expect(body).toMatchObject({
        id: lucia,
        externalId: 'CRM-1001',
        currency: 'EUR',
        header: { rfmSegment: null, clvState: recencyState(daysSinceLastOrder) },
        personal: { firstName: 'Lucía', lastName: 'García Núñez', birthDate: '1990-04-02', gender: 'female' },
        contact: { email: 'Lucia.Garcia@Example.com', phone: '+34 600 123 456', city: 'Sevilla', country: 'ES' },
        tags: ['vip', 'eco'],
        manager: null,
      });
      expect(body.consents).toEqual([
        { channel: 'email', status: 'given', changedAt: '2024-12-01T10:00:00.000Z', source: 'checkout' },
        { channel: 'sms', status: 'withdrawn', changedAt: '2025-02-01T10:00:00.000Z', source: 'unsubscribe link' },
      ]);
      expect(body.consentHistory.map((c: { status: string; channel: string }) => `${c.channel} ${c.status}`)).toEqual(['sms withdrawn', 'sms given', 'email given']);
      expect(body.attributes).toEqual([
        { key: 'newsletter_since', label: 'Newsletter since', type: 'date', value: null },
        { key: 'shoe_size', label: 'Shoe size', type: 'number', value: 38 },
        { key: 'vip', label: 'VIP', type: 'boolean', value: true },
      ]);
      expect(body.cart).toMatchObject({ currency: 'EUR', value: 12.5, items: [{ sku: 'sku-maceta', name: 'Maceta de barro', imageUrl: 'https://cdn.example.com/maceta.jpg', quantity: 1 }] });
      expect(body.favourites).toMatchObject({ value: 3, items: [{ sku: 'sku-semillas', imageUrl: 'https://cdn.example.com/semillas.jpg', price: 3 }] });
      expect(body.lastOrder).toMatchObject({
        externalId: 'o-2',
        channel: 'ecommerce',
        store: { name: 'Tienda online' },
        total: 28,
        lines: [
          { sku: 'sku-maceta', quantity: 2, total: 25, imageUrl: 'https://cdn.example.com/maceta.jpg' },
          { sku: 'sku-semillas', quantity: 1, total: 3 },
        ],
      });
      expect(body.lastProducts.map((p: { sku: string }) => p.sku)).toEqual(['sku-maceta', 'sku-semillas']);
      expect(body.segments).toEqual([]);
    });

    it('shows the RFM segment and CLV state once the customer metrics hold them', async () => {
      await api.rows(
        `INSERT INTO customer_metrics (customer_id, rfm_segment, clv_state, predicted_clv, computed_at) VALUES ($1, 'champions', 'active', 120.5, now())
         ON CONFLICT (customer_id) DO UPDATE SET rfm_segment = 'champions', clv_state = 'active', predicted_clv = 120.5`,
        [marek],
      );
      const { body } = await api.send('GET', `/api/v1/customers/${marek}`);
      expect(body.header).toEqual({ rfmSegment: 'champions', clvState: 'active', predictedClv: 120.5 });
      expect(body.cart).toBeNull();
      expect(body.favourites).toEqual({ currency: 'EUR', value: 0, items: [] });
    });

    it('answers 404 for an unknown id and 400 for something that is no id', async () => {
      const unknown = await api.send('GET', '/api/v1/customers/999999');
      expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'CUSTOMER_NOT_FOUND', message: 'There is no customer with id 999999.' } } });
      const bad = await api.send('GET', '/api/v1/customers/lucia');
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'INVALID_CUSTOMER_ID', details: [{ field: 'id' }] });
    });
  });

  describe('edit', () => {
    const snapshot = () => api.rows(`SELECT * FROM customers WHERE id = $1`, [marek]);

    it.each([
      ['email', { email: 'not-an-email' }, 'email'],
      ['phone', { phone: 'call me' }, 'phone'],
      ['birth date format', { birthDate: '1990-02-30' }, 'birthDate'],
      ['birth date in the future', { birthDate: '2999-01-01' }, 'birthDate'],
      ['gender', { gender: 'robot' }, 'gender'],
      ['country', { country: 'XX' }, 'country'],
      ['country spelled out', { country: 'Spain' }, 'country'],
      ['language', { language: 'Spanish' }, 'language'],
      ['tags', { tags: ['ok', ''] }, 'tags[1]'],
      ['a number custom field', { attributes: { shoe_size: 'forty' } }, 'attributes.shoe_size'],
      ['a date custom field', { attributes: { newsletter_since: '2025-13-01' } }, 'attributes.newsletter_since'],
      ['a boolean custom field', { attributes: { vip: 'yes' } }, 'attributes.vip'],
      ['an undefined custom field', { attributes: { colour: 'red' } }, 'attributes.colour'],
      ['an unknown field', { nickname: 'Mar' }, 'nickname'],
      ['the external id', { externalId: 'other' }, 'externalId'],
    ])('refuses an invalid %s, naming the field, and stores nothing', async (_, edit, field) => {
      const before = await snapshot();
      const changes = await api.count('customer_changes');
      const { status, body } = await api.send('PATCH', `/api/v1/customers/${marek}`, { firstName: 'Changed', ...edit });
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_CUSTOMER_EDIT');
      expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
      expect(await api.count('customer_changes')).toBe(changes);
    });

    it('lists every invalid field of one edit', async () => {
      const { body } = await api.send('PATCH', `/api/v1/customers/${marek}`, { email: 'x', gender: 'x', attributes: { vip: 1 } });
      expect(body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'gender']);
    });

    it('stores a valid edit, answers the new profile and records each changed field with before and after', async () => {
      const { status, body } = await api.send('PATCH', `/api/v1/customers/${marek}`, {
        firstName: 'Marek',
        city: 'Kraków',
        email: 'marek.l@example.pl',
        tags: ['b2b'],
        attributes: { shoe_size: 44, vip: false },
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ contact: { city: 'Kraków', email: 'marek.l@example.pl' }, tags: ['b2b'] });
      expect(body.attributes.filter((a: { value: unknown }) => a.value !== null)).toEqual([
        { key: 'shoe_size', label: 'Shoe size', type: 'number', value: 44 },
        { key: 'vip', label: 'VIP', type: 'boolean', value: false },
      ]);
      const changes = await api.rows(`SELECT field, before, after, changed_by FROM customer_changes WHERE customer_id = $1 ORDER BY id`, [marek]);
      const changedBy = 'key test admin key';
      expect(changes).toEqual([
        { field: 'email', before: 'marek@example.pl', after: 'marek.l@example.pl', changed_by: changedBy },
        { field: 'city', before: null, after: 'Kraków', changed_by: changedBy },
        { field: 'tags', before: [], after: ['b2b'], changed_by: changedBy },
        { field: 'attributes.shoe_size', before: null, after: 44, changed_by: changedBy },
        { field: 'attributes.vip', before: null, after: false, changed_by: changedBy },
      ]);
      expect(await found('marek.l@')).toEqual(['CRM-2002']);
      const identities = await api.rows(`SELECT value FROM customer_identities WHERE customer_id = $1 AND kind = 'email'`, [marek]);
      expect(identities).toEqual([{ value: 'marek.l@example.pl' }]);
    });

    it('clears a field and a custom field with null', async () => {
      const { body } = await api.send('PATCH', `/api/v1/customers/${marek}`, { city: null, attributes: { vip: null } });
      expect(body.contact.city).toBeNull();
      expect(body.attributes.find((a: { key: string }) => a.key === 'vip').value).toBeNull();
      const [row] = await api.rows<{ attributes: object }>(`SELECT attributes FROM customers WHERE id = $1`, [marek]);
      expect(row.attributes).toEqual({ shoe_size: 44 });
    });

    it('answers 404 when editing an unknown customer', async () => {
      const { status, body } = await api.send('PATCH', '/api/v1/customers/999999', { city: 'Madrid' });
      expect(status).toBe(404);
      expect(body.error.code).toBe('CUSTOMER_NOT_FOUND');
    });
  });

  it("keeps a manager to the customers they are responsible for", async () => {
    const manager = await api.as('manager');
    await api.rows(`UPDATE customers SET manager_id = $1 WHERE id = $2`, [manager.userId, marek]);
    const { body } = await manager.send('GET', '/api/v1/customers');
    expect(body.items.map((item: { externalId: string }) => item.externalId)).toEqual(['CRM-2002']);
    expect((await manager.send('GET', `/api/v1/customers/${marek}`)).body.manager).toMatchObject({ id: manager.userId });
    expect((await manager.send('GET', `/api/v1/customers/${lucia}`)).status).toBe(404);
    expect((await manager.send('PATCH', `/api/v1/customers/${lucia}`, { city: 'Huelva' })).status).toBe(404);
    expect((await manager.send('GET', `/api/v1/customers/${lucia}/timeline`)).status).toBe(404);
  });

  it('documents every customer route in OpenAPI with a summary', async () => {
    const { body: document } = await api.send('GET', '/api/openapi.json');
    const operations = [
      document.paths['/api/v1/customers'].get,
      document.paths['/api/v1/customers/{id}'].get,
      document.paths['/api/v1/customers/{id}'].patch,
      document.paths['/api/v1/customers/{id}/timeline'].get,
      document.paths['/api/v1/customers/{id}/live'].get,
    ];
    for (const operation of operations) expect(operation.summary).toEqual(expect.any(String));
  });
});
