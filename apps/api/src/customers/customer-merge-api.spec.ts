import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';
import { pushCustomerShop } from './testing/customer-shop';

/** Rows held per table for each of the given customers, over every table with a customer_id. */
async function rowsPerTable(api: ApiUnderTest, customerIds: string[]): Promise<Record<string, number>> {
  const tables = await api.rows<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'customer_id'
       AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ count }] = await api.rows<{ count: number }>(`SELECT count(*)::int AS count FROM ${table_name} WHERE customer_id = ANY($1::bigint[])`, [customerIds]);
    counts[table_name] = count;
  }
  return counts;
}

/** Both profiles scored by one CLV fit, with an RFM history from one refresh, in one persona analysis and one enrichment. */
async function giveBothAnalysisResults(api: ApiUnderTest, survivor: string, absorbed: string): Promise<void> {
  const both = [survivor, absorbed];
  const [{ id: fit }] = await api.rows<{ id: string }>(
    `INSERT INTO clv_model_fits (status, started_at, fitted_at, calibration_end, discount_rate, holdout_weeks, bg_nbd_r)
     VALUES ('done', now(), now(), now(), 0.1, 26, 0.24) RETURNING id::text`,
  );
  await api.rows(
    `INSERT INTO customer_clv (customer_id, fit_id, expected_purchases_12m, probability_alive, expected_average_order_value, clv_12m, computed_at)
     SELECT unnest($1::bigint[]), $2, 1.5, 0.8, 20, 30, now()`,
    [both, fit],
  );
  await api.rows(`INSERT INTO rfm_segment_history (customer_id, segment, valid_from) SELECT unnest($1::bigint[]), 'new', '2025-06-03T03:00:00Z'`, [both]);
  const [{ id: analysis }] = await api.rows<{ id: string }>(
    `INSERT INTO persona_analyses (code, name, parameters, status, customers) VALUES ('gardeners', 'Gardeners', '{}', 'done', 2) RETURNING id::text`,
  );
  await api.rows(
    `INSERT INTO persona_clusters (analysis_id, cluster, name, suggested_name, size, centroid, lifts, propensity, model_centroid)
     VALUES ($1, 0, 'Plantas', 'Plantas', 2, '{1}', '{1}', '{high}', '{1}')`,
    [analysis],
  );
  await api.rows(`INSERT INTO persona_assignments (analysis_id, customer_id, cluster) SELECT $1, unnest($2::bigint[]), 0`, [analysis, both]);
  const [{ id: enrichment }] = await api.rows<{ id: string }>(
    `INSERT INTO persona_enrichments (analysis_id, cluster, attributes, customers) VALUES ($1, 0, '{"persona":"Plantas"}', 2) RETURNING id::text`,
    [analysis],
  );
  await api.rows(
    `INSERT INTO persona_enrichment_previous_values (enrichment_id, customer_id, key, previous) SELECT $1, unnest($2::bigint[]), 'persona', NULL`,
    [enrichment, both],
  );
}

describe('merging duplicate customers', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let lucia: string;
  let duplicate: string;

  beforeAll(async () => {
    api = await startApi(db());
    ({ lucia } = await pushCustomerShop(api));
    // The same person signed up again in the web shop, later, with another email and a new order.
    const pushes: [string, unknown[]][] = [
      ['customers', [{ externalId: 'SHOP-77', firstName: 'Lucía', lastName: 'García', email: 'lucia.g@example.com', tags: ['newsletter'], attributes: { shoe_size: 39 } }]],
      ['orders', [{ externalId: 'o-77', customerExternalId: 'SHOP-77', storeExternalId: 'web', orderedAt: '2025-06-01T10:00:00Z', lines: [{ sku: 'sku-maceta', quantity: 1, unitPrice: 12.5 }] }]],
      ['events', [{ externalId: 'e-77', customerExternalId: 'SHOP-77', type: 'favourite', occurredAt: '2025-06-01T09:00:00Z', properties: { sku: 'sku-semillas' } }]],
      ['consents', [{ customerExternalId: 'SHOP-77', channel: 'email', status: 'withdrawn', changedAt: '2025-06-02T10:00:00Z', source: 'preference centre' }]],
    ];
    for (const [resource, items] of pushes) expect((await api.batch(resource, items)).body).toMatchObject({ rejected: 0 });
    [{ id: duplicate }] = await api.rows<{ id: string }>(`SELECT id::text FROM customers WHERE external_id = 'SHOP-77'`);
    await giveBothAnalysisResults(api, lucia, duplicate);
  });
  afterAll(() => api?.close());

  it('previews the winner of every field and the rows that move, changing nothing', async () => {
    const { status, body } = await api.send('POST', `/api/v1/customers/${lucia}/merge/preview`, { absorbedId: duplicate });
    expect(status).toBe(200);
    const winners = Object.fromEntries(body.fields.map((f: { field: string; winner: string; reason: string }) => [f.field, `${f.winner}/${f.reason}`]));
    expect(winners).toMatchObject({
      email: 'absorbed/newest', // both have one; the duplicate changed last
      lastName: 'absorbed/newest',
      city: 'survivor/only-value',
      phone: 'survivor/only-value',
      firstName: 'survivor/same',
      'attributes.shoe_size': 'absorbed/newest',
      'attributes.vip': 'survivor/only-value',
    });
    expect(body.tags).toEqual(['eco', 'newsletter', 'vip']);
    expect(body.moves).toEqual(expect.arrayContaining([{ table: 'orders', rows: 1 }, { table: 'consents', rows: 1 }]));
    expect(await api.rows(`SELECT 1 FROM customers WHERE id = $1`, [duplicate])).toHaveLength(1);
  });

  it('names a choice for a field neither customer has, and refuses a merge with itself', async () => {
    const unknown = await api.send('POST', `/api/v1/customers/${lucia}/merge/preview`, { absorbedId: duplicate, choices: { shoeSize: 'absorbed' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_MERGE', details: [{ field: 'choices.shoeSize' }] });
    const itself = await api.send('POST', `/api/v1/customers/${lucia}/merge`, { absorbedId: lucia });
    expect(itself.status).toBe(400);
    expect(itself.body.error.details).toEqual([{ field: 'absorbedId', message: 'is the survivor itself' }]);
  });

  it('moves every row to the survivor, losing none, and keeps the chosen values', async () => {
    const before = await rowsPerTable(api, [lucia, duplicate]);
    const totals = { orders: await api.count('orders'), events: await api.count('events'), consent_changes: await api.count('consent_changes') };

    const { status, body } = await api.send('POST', `/api/v1/customers/${lucia}/merge`, { absorbedId: duplicate, choices: { email: 'survivor' } });
    expect(status).toBe(200);
    expect(body.mergedAt).toEqual(expect.any(String));

    const after = await rowsPerTable(api, [lucia, duplicate]);
    const derivedOrOnePerKey: Record<string, number> = {
      consents: 2, // one per channel: email (the newer, withdrawn) and sms
      customer_metrics: 1, // recomputed for the survivor
      segment_dirty_customers: 1, // the survivor's segments are evaluated again
      customer_changes: 0, // grows by the merge's own entries: checked below
      favourites: 1, // both liked the same product: one favourite
      customer_change_feed: 0, // grows by the survivor's profile change: checked below
      // Analysis results held by both: the survivor's stand, rebuilt by the next fit and refresh.
      customer_clv: 1,
      rfm_segment_history: 1,
      persona_assignments: 1,
      persona_enrichment_previous_values: 1,
    };
    for (const [table, count] of Object.entries(before)) {
      if (table in derivedOrOnePerKey) continue;
      expect({ table, rows: after[table] }).toEqual({ table, rows: count });
    }
    expect(after['consents']).toBe(derivedOrOnePerKey['consents']);
    expect(after['favourites']).toBe(1);
    for (const table of ['customer_clv', 'rfm_segment_history', 'persona_assignments', 'persona_enrichment_previous_values']) {
      expect({ table, rows: after[table] }).toEqual({ table, rows: derivedOrOnePerKey[table] });
    }
    const recorded = await api.rows<{ field: string }>(`SELECT field FROM customer_changes WHERE customer_id = $1 AND changed_at >= $2 ORDER BY id`, [lucia, body.mergedAt]);
    expect(recorded.map((row) => row.field)).toEqual(['lastName', 'attributes.shoe_size', 'tags', 'mergedWith']);
    expect(after['customer_changes']).toBe(before['customer_changes'] + recorded.length);
    expect(after['customer_change_feed']).toBe(before['customer_change_feed'] + 1);
    expect({ orders: await api.count('orders'), events: await api.count('events'), consent_changes: await api.count('consent_changes') }).toEqual(totals);

    const profile = (await api.send('GET', `/api/v1/customers/${lucia}`)).body;
    expect(profile.contact).toMatchObject({ email: 'Lucia.Garcia@Example.com', city: 'Sevilla', phone: '+34 600 123 456' });
    expect(profile.personal.lastName).toBe('García');
    expect(profile.tags).toEqual(['eco', 'newsletter', 'vip']);
    expect(profile.consents).toContainEqual(expect.objectContaining({ channel: 'email', status: 'withdrawn', source: 'preference centre' }));
    const [{ kept }] = await api.rows<{ kept: { email: string } }>(`SELECT absorbed_profile AS kept FROM customer_merges WHERE absorbed_id = $1`, [duplicate]);
    expect(kept.email).toBe('lucia.g@example.com');
  });

  it("recomputes the survivor's figures and records the merge in its timeline", async () => {
    const metrics = (await api.send('GET', `/api/v1/customers/${lucia}/metrics`)).body;
    expect(metrics.tickets.allTime).toBe(3);
    const timeline = (await api.send('GET', `/api/v1/customers/${lucia}/timeline?types=attribute_change`)).body;
    expect(timeline.entries).toContainEqual(expect.objectContaining({ type: 'attribute_change', field: 'mergedWith', after: `${duplicate} (Lucía García)` }));
  });

  it("answers the merged id with a redirect to the survivor, and data pushed under its external id lands on the survivor", async () => {
    const response = await fetch(`${api.url}/api/v1/customers/${duplicate}/timeline?types=order`, { headers: api.credentials, redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`/api/v1/customers/${lucia}/timeline?types=order`);
    expect((await api.send('GET', `/api/v1/customers/${duplicate}`)).body.id).toBe(lucia);

    const customers = await api.count('customers');
    expect((await api.batch('customers', [{ externalId: 'SHOP-77', city: 'Granada' }])).body).toMatchObject({ rejected: 0 });
    expect(
      (await api.batch('orders', [{ externalId: 'o-78', customerExternalId: 'SHOP-77', storeExternalId: 'web', orderedAt: '2025-07-01T10:00:00Z', lines: [{ sku: 'sku-maceta', quantity: 1, unitPrice: 12.5 }] }]))
        .body,
    ).toMatchObject({ rejected: 0 });
    expect(await api.count('customers')).toBe(customers);
    const [order] = await api.rows<{ customer_id: string }>(`SELECT customer_id::text FROM orders WHERE external_id = 'o-78'`);
    expect(order.customer_id).toBe(lucia);
    expect((await api.send('GET', `/api/v1/customers/${lucia}`)).body.contact.city).toBe('Granada');
  });
});
