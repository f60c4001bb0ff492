import { Client } from 'pg';
import type { PersonaAnalysisResult, PersonaAnalysisSummary, PersonaEnrichment } from '@marea/contracts';
import { seedDemoShop } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';

const PERSONAS = '/api/v1/analyses/personas';
const NOW = new Date('2026-11-23T12:00:00Z');

/** By department, mix of tickets (row-normalised), 4 clusters: what a marketer would start with. */
const byDepartment = {
  name: 'Departamentos',
  attribute: 'department',
  unit: 'tickets',
  transformation: 'row_normalise',
  clusters: 4,
  audience: null,
  restarts: 5,
  seed: 7,
};

describe('persona analyses through the API, over the demo shop', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let first: PersonaAnalysisResult;

  /** Follows an analysis until it is done or failed, as the screen does; remembers every status seen. */
  async function followed(id: string, seen: string[] = []): Promise<PersonaAnalysisResult> {
    for (let waited = 0; waited < 120_000; waited += 100) {
      const answer = await api.send('GET', `${PERSONAS}/${id}`);
      expect(answer.status).toBe(200);
      if (seen.at(-1) !== answer.body.status) seen.push(answer.body.status);
      if (answer.body.status === 'done' || answer.body.status === 'failed') return answer.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`analysis ${id} did not finish`);
  }

  async function started(parameters: object): Promise<PersonaAnalysisSummary> {
    const answer = await api.send('POST', PERSONAS, parameters);
    expect(answer.status).toBe(202);
    return answer.body;
  }

  const assignments = (id: string) =>
    api.rows<{ customer_id: string; cluster: number }>(`SELECT pa.customer_id::text, pa.cluster FROM persona_assignments pa WHERE pa.analysis_id = $1 ORDER BY pa.customer_id`, [id]);

  beforeAll(async () => {
    const client = new Client({ connectionString: db().url });
    await client.connect();
    try {
      expect((await seedDemoShop(client, { customers: 400, seed: 5, now: NOW })).seeded).toBe(true);
    } finally {
      await client.end();
    }
    api = await startApi(db());
  }, 120_000);
  afterAll(() => api?.close());

  it('runs an analysis through the background job to done: k clusters whose sizes add up to the audience', async () => {
    const queued = await started(byDepartment);
    expect(queued).toMatchObject({ code: 'departamentos', status: 'queued', progress: 0, customers: null, parameters: byDepartment });
    const seen: string[] = [];
    first = await followed(queued.id, seen);
    expect(seen.at(-1)).toBe('done');
    expect(first.error).toBeNull();
    expect(first.progress).toBe(1);

    const [buyers] = await api.rows<{ customers: number; departments: string[] }>(
      `SELECT count(DISTINCT o.customer_id)::int AS customers,
              array_agg(DISTINCT (p.attributes ->> 'department') COLLATE "C" ORDER BY (p.attributes ->> 'department') COLLATE "C") AS departments
       FROM orders o JOIN order_lines ol ON ol.order_id = o.id JOIN products p ON p.id = ol.product_id
       WHERE o.kind = 'sale' AND o.status <> 'cancelled' AND o.ordered_at <= now() AND p.attributes ? 'department'`,
    );
    expect(first.customers).toBe(buyers.customers);
    expect(first.values).toEqual(buyers.departments);
    expect(first.clusters).toHaveLength(4);
    expect(first.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(buyers.customers);
    expect(await assignments(first.id)).toHaveLength(buyers.customers);
    for (const cluster of first.clusters) {
      expect(cluster.propensity).toHaveLength(first.values.length);
      expect(cluster.centroid).toHaveLength(first.values.length);
      expect(cluster.name).toBe(cluster.suggestedName);
      // Every name is made of department names.
      for (const part of cluster.name.split(' + ')) expect(first.values).toContain(part);
    }
    expect(first.populationMean).toHaveLength(first.values.length);
    expect(first.inertia).toBeGreaterThan(0);
    expect(first.silhouette).toBeGreaterThan(-1);
    expect(first.clusterCountSuggestion?.map((c) => c.k)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(first.suggestedClusters).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('gives the same clusters for the same parameters and seed, and lists both analyses newest first', async () => {
    const again = await followed((await started(byDepartment)).id);
    expect(again.code).toBe('departamentos-2');
    expect(again.inertia).toBe(first.inertia);
    expect(await assignments(again.id)).toEqual(await assignments(first.id));

    const page = await api.send('GET', `${PERSONAS}?page=1&pageSize=1`);
    expect(page.body).toMatchObject({ page: 1, pageSize: 1, total: 2, items: [{ id: again.id }] });
    expect((await api.send('GET', `${PERSONAS}?page=2&pageSize=1`)).body.items[0].id).toBe(first.id);
  }, 180_000);

  it('pages the customers of a cluster in id order', async () => {
    const cluster = first.clusters[0];
    const answer = await api.send('GET', `${PERSONAS}/${first.id}/clusters/0/customers?pageSize=5`);
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(cluster.size);
    const members = (await assignments(first.id)).filter((a) => a.cluster === 0).map((a) => a.customer_id);
    expect(answer.body.items.map((c: { id: string }) => c.id)).toEqual(members.slice(0, 5));
    expect((await api.send('GET', `${PERSONAS}/${first.id}/clusters/9/customers`)).body.error.code).toBe('PERSONA_CLUSTER_NOT_FOUND');
  });

  it('selects exactly the members of a renamed cluster with a persona_cluster segment condition, and by propensity', async () => {
    const renamed = await api.send('PATCH', `${PERSONAS}/${first.id}/clusters/1`, { name: 'Los de la huerta' });
    expect(renamed.body).toMatchObject({ cluster: 1, name: 'Los de la huerta', suggestedName: first.clusters[1].suggestedName });

    const members = (await assignments(first.id)).filter((a) => a.cluster === 1).map((a) => a.customer_id);
    const preview = await api.send('POST', '/api/v1/segments/preview', {
      rule: { version: 1, match: 'all', conditions: [{ kind: 'persona_cluster', analysisId: 'departamentos', test: { op: 'equals', value: 'Los de la huerta' } }] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(members.length);
    expect(preview.body.customers.map((c: { id: string }) => c.id)).toEqual(members.slice(0, preview.body.customers.length));

    // Propensity reads the newest done analysis with the value (the second, identical one).
    const value = first.values[0];
    const level = first.clusters[1].propensity[0];
    const expected = first.clusters.filter((c) => c.propensity[0] === level).reduce((sum, c) => sum + c.size, 0);
    const byPropensity = await api.send('POST', '/api/v1/segments/preview', {
      rule: { version: 1, match: 'all', conditions: [{ kind: 'propensity', towards: value, test: { op: 'equals', value: level } }] },
    });
    expect(byPropensity.body.count).toBe(expected);
  });

  it('enriches every customer of a cluster, in their history and the audit log, and reverts all but what changed since', async () => {
    await api.batch('custom-fields', [{ key: 'persona', label: 'Persona', type: 'text' }]);
    const members = (await assignments(first.id)).filter((a) => a.cluster === 2).map((a) => a.customer_id);
    const [before, changedLater] = members;
    expect((await api.send('PATCH', `/api/v1/customers/${before}`, { attributes: { persona: 'Antes' } })).status).toBe(200);

    const applied = await api.send('POST', `${PERSONAS}/${first.id}/clusters/2/enrichments`, {
      attributes: { persona: first.clusters[2].name, propensity_top: 'high' },
    });
    expect(applied.status).toBe(201);
    const enrichment: PersonaEnrichment = applied.body;
    expect(enrichment).toMatchObject({ analysisId: first.id, cluster: 2, customers: members.length, revertedAt: null, keptOnRevert: null });
    const attributes = async () =>
      new Map(
        (await api.rows<{ id: string; attributes: Record<string, unknown> }>(`SELECT id::text, attributes FROM customers WHERE id = ANY($1)`, [members])).map((r) => [
          r.id,
          r.attributes,
        ]),
      );
    for (const [, attrs] of await attributes()) expect(attrs).toMatchObject({ persona: first.clusters[2].name, propensity_top: 'high' });
    const history = await api.send('GET', `/api/v1/customers/${before}/timeline`);
    expect(JSON.stringify(history.body)).toContain('enrichment of');
    expect(await api.rows(`SELECT subject FROM audit_log WHERE action = 'persona-enrichment.applied'`)).toEqual([{ subject: `persona analysis ${first.id} cluster 2` }]);

    // Someone edits one customer's persona afterwards: the revert leaves that value alone.
    await api.send('PATCH', `/api/v1/customers/${changedLater}`, { attributes: { persona: 'Elegida a mano' } });
    const reverted = await api.send('POST', `${PERSONAS}/enrichments/${enrichment.id}/revert`);
    expect(reverted.status).toBe(200);
    expect(reverted.body).toMatchObject({ id: enrichment.id, keptOnRevert: 1 });
    expect(reverted.body.revertedAt).not.toBeNull();
    const after = await attributes();
    expect(after.get(before)).toMatchObject({ persona: 'Antes' });
    expect(after.get(before)).not.toHaveProperty('propensity_top');
    expect(after.get(changedLater)).toMatchObject({ persona: 'Elegida a mano' });
    for (const id of members.slice(2)) {
      expect(after.get(id)).not.toHaveProperty('persona');
      expect(after.get(id)).not.toHaveProperty('propensity_top');
    }
    expect((await api.send('POST', `${PERSONAS}/enrichments/${enrichment.id}/revert`)).status).toBe(409);
    expect((await api.send('GET', `${PERSONAS}/${first.id}/enrichments`)).body.items).toEqual([reverted.body]);
    expect(await api.rows(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'persona-enrichment.reverted'`)).toEqual([{ n: 1 }]);
  }, 120_000);

  it('refuses wrong parameters with the path of each wrong field', async () => {
    const wrong = await api.send('POST', PERSONAS, { ...byDepartment, clusters: 12, transformation: 'zscore' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'clusters', message: 'must be at most 9' },
        { field: 'transformation', message: 'needs a transformation: none, row_normalise, log1p or standardise' },
      ]),
    );
    const audience = await api.send('POST', PERSONAS, {
      ...byDepartment,
      audience: { version: 1, match: 'all', conditions: [{ kind: 'custom_field', key: 'shoe_size', test: { op: 'gt', value: 40 } }] },
    });
    expect(audience.status).toBe(400);
    expect(audience.body.error.code).toBe('INVALID_PERSONA_ANALYSIS');
    expect(audience.body.error.details[0].field).toBe('audience.conditions[0].key');
    const attribute = await api.send('POST', PERSONAS, { ...byDepartment, attribute: 'colour' });
    expect(attribute.body.error.details).toEqual([{ field: 'attribute', message: 'no product has a value of "colour"' }]);
    expect((await api.send('GET', `${PERSONAS}/999999`)).status).toBe(404);
    const typed = await api.send('POST', `${PERSONAS}/${first.id}/clusters/0/enrichments`, { attributes: { loyalty_points: '5' } });
    expect(typed.status).toBe(400);
    expect(typed.body.error).toMatchObject({
      code: 'INVALID_PERSONA_ENRICHMENT',
      details: [{ field: 'attributes.loyalty_points', message: 'is a custom field of type number; an enrichment sets text values' }],
    });
  });

  it('ends failed, with the reason, when the audience bought nothing of the attribute', async () => {
    const failed = await followed(
      (
        await started({
          ...byDepartment,
          name: 'Nadie',
          audience: { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'external_id', test: { op: 'equals', value: 'nobody-at-all' } }] },
        })
      ).id,
    );
    expect(failed).toMatchObject({ status: 'failed', error: 'No customer of the audience bought a product with a value of "department".', clusters: [] });
  }, 60_000);

  it('is open to marketers and closed to managers', async () => {
    expect((await (await api.as('marketer')).send('GET', PERSONAS)).status).toBe(200);
    expect((await (await api.as('manager')).send('GET', PERSONAS)).status).toBe(403);
  });
});
