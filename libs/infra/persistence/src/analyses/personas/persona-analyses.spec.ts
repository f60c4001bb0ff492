import { PersonaAnalysisParameters, type PersonaAnalysisParametersInput } from '@marea/contracts';
import { kMeans, matrixFromRows } from '@marea/domain/analyses';
import { compileSegmentRule, type ReferenceOrder, type ReferenceShop } from '@marea/domain/segments';
import { useTestDatabase } from '@marea/testing';
import { aCustomer, emptyShop } from '../../segment-sql/differential/empty-shop';
import { insertReferenceShop } from '../../segment-sql/differential/insert-reference-shop';
import { readSegmentCatalogue } from '../../segment-sql/read-segment-catalogue';
import { clusterPersonaMatrix } from './cluster-persona-matrix';
import { claimPersonaAnalysis, LostPersonaLease, PersonaAnalysisFailure, reportPersonaProgress } from './persona-analysis-lease';
import { queuePersonaAnalysis, readPersonaAnalysis } from './persona-analyses';
import { personaMatrixStatement } from './persona-matrix-sql';
import { readPersonaMatrix } from './read-persona-matrix';
import { refreshPersonaAssignments } from './refresh-persona-assignments';
import { runPersonaAnalysis } from './run-persona-analysis';

const now = new Date('2026-01-10T12:00:00Z');
const DEPARTMENTS = ['Huerto', 'Cocina', 'Baño'];

/**
 * Twelve customers in three obvious groups: 1–4 buy only Huerto, 5–8 only Cocina, 9–12 only
 * Baño, on two or three different days each. Customer 1 also once bought a kitchen item.
 */
function threeGroupShop(): ReferenceShop {
  const shop = emptyShop('Europe/Madrid');
  shop.products = DEPARTMENTS.map((department, i) => ({ id: i + 1, externalId: `SKU-${i + 1}`, categoryIds: [], attributes: { department } }));
  shop.customers = Array.from({ length: 12 }, (_, i) => aCustomer(i + 1));
  let id = 0;
  const order = (customerId: number, productId: number, day: string, total = '10'): ReferenceOrder => ({
    id: ++id,
    customerId,
    storeId: 1,
    channel: 'ecommerce',
    kind: 'sale',
    status: 'completed',
    orderedAt: `${day}T10:00:00Z`,
    total,
    margin: null,
    fxRate: '1',
    lines: [{ productId, quantity: '1', total, tax: '0', cost: null }],
  });
  for (let c = 1; c <= 12; c++) {
    const product = Math.ceil(c / 4);
    shop.orders.push(order(c, product, '2025-11-01'), order(c, product, '2025-12-01'), order(c, product, '2025-12-01', '5'));
    if (c % 2 === 0) shop.orders.push(order(c, product, '2025-12-20'));
  }
  shop.orders.push(order(1, 2, '2025-12-24', '2'));
  return shop;
}

const parameters = (overrides: Partial<PersonaAnalysisParametersInput> = {}) =>
  PersonaAnalysisParameters.parse({
    name: 'Departamentos',
    attribute: 'department',
    unit: 'tickets',
    transformation: 'row_normalise',
    clusters: 3,
    audience: null,
    seed: 11,
    ...overrides,
  }) as PersonaAnalysisParameters & { seed: number };

describe('persona analyses over a hand-made shop', () => {
  const db = useTestDatabase();
  const dataSource = () => db().dataSource;

  beforeAll(async () => {
    await insertReferenceShop(dataSource(), threeGroupShop());
  });

  /** The given value, or the test fails saying what was missing. */
  function present<T>(value: T | null | undefined, what: string): T {
    if (value === null || value === undefined) throw new Error(`expected ${what}`);
    return value;
  }

  /** Queues and runs an analysis here, as the worker would. */
  async function analyse(overrides: Partial<PersonaAnalysisParametersInput> = {}) {
    const queued = await queuePersonaAnalysis(dataSource(), parameters(overrides), 'test');
    const job = present(await claimPersonaAnalysis(dataSource(), 'worker-a', 120), 'an analysis to claim');
    expect(job.id).toBe(queued.id);
    await runPersonaAnalysis(dataSource(), job, 'worker-a', now);
    return present(await readPersonaAnalysis(dataSource(), queued.id), 'the analysis');
  }

  const clusterOf = async (analysisId: string, customerId: number) =>
    (await dataSource().query(`SELECT cluster FROM persona_assignments WHERE analysis_id = $1 AND customer_id = $2`, [analysisId, customerId]))[0]?.cluster;

  it('builds the customer × value matrix in SQL: tickets containing each value, or the share of spend', async () => {
    const tickets = await readPersonaMatrix(dataSource(), personaMatrixStatement({ attribute: 'department', unit: 'tickets' }, null, now));
    expect(tickets.values).toEqual(['Baño', 'Cocina', 'Huerto']); // byte order
    expect(Array.from(tickets.customerIds)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const row = (m: typeof tickets, i: number) => Array.from(m.matrix.values.subarray(i * m.matrix.cols, (i + 1) * m.matrix.cols));
    expect(row(tickets, 0)).toEqual([0, 1, 2]); // two Huerto days (two orders on 1 December are one ticket), one Cocina day
    expect(row(tickets, 1)).toEqual([0, 0, 3]);
    expect(row(tickets, 8)).toEqual([2, 0, 0]);

    const shares = await readPersonaMatrix(dataSource(), personaMatrixStatement({ attribute: 'department', unit: 'spend_share' }, null, now));
    expect(row(shares, 0).map((v) => Number(v.toFixed(4)))).toEqual([0, 0.0741, 0.9259]); // 2 of 27
    expect(row(shares, 4)).toEqual([0, 1, 0]);
  });

  it('narrows the matrix to the audience of a segment rule compiled by the segment compiler', async () => {
    const audience = compileSegmentRule(
      { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'external_id', test: { op: 'in', values: ['c2', 'c5', 'c99'] } }] },
      { now, catalogue: await readSegmentCatalogue(dataSource()) },
    );
    if (!audience.ok) throw new Error(JSON.stringify(audience.problems));
    const matrix = await readPersonaMatrix(dataSource(), personaMatrixStatement({ attribute: 'department', unit: 'tickets' }, audience, now));
    expect(Array.from(matrix.customerIds)).toEqual([2, 5]);
    expect(matrix.values).toEqual(['Cocina', 'Huerto']);
  });

  it('finds the three groups, names them after their values and sets their propensity levels', async () => {
    const result = await analyse();
    expect(result).toMatchObject({ status: 'done', progress: 1, customers: 12, values: ['Baño', 'Cocina', 'Huerto'] });
    const byName = new Map(result.clusters.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['Baño', 'Cocina', 'Huerto']);
    expect(result.clusters.map((c) => c.size)).toEqual([4, 4, 4]);
    expect(byName.get('Huerto')?.propensity).toEqual(['zero', 'low', 'high']);
    expect(byName.get('Baño')?.propensity).toEqual(['high', 'zero', 'zero']);
    for (let c = 1; c <= 12; c++) expect(await clusterOf(result.id, c)).toBe(await clusterOf(result.id, Math.ceil(c / 4) * 4));
    expect(result.clusterCountSuggestion?.map((s) => s.k)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('fails with a reason the user can act on when the audience is smaller than k', async () => {
    const queued = await queuePersonaAnalysis(
      dataSource(),
      parameters({ audience: { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'external_id', test: { op: 'in', values: ['c1', 'c2'] } }] } }),
      'test',
    );
    const job = present(await claimPersonaAnalysis(dataSource(), 'worker-a', 120), 'an analysis to claim');
    const failure = await runPersonaAnalysis(dataSource(), job, 'worker-a', now).catch((error) => error);
    expect(failure).toBeInstanceOf(PersonaAnalysisFailure);
    expect(failure.message).toBe('3 clusters need at least 3 customers; the audience has 2 who bought a product with a value of "department".');
    await dataSource().query(`UPDATE persona_analyses SET status = 'failed' WHERE id = $1`, [queued.id]);
  });

  it('lets only one of two workers claim an analysis, and takes over a lease nobody renews', async () => {
    const queued = await queuePersonaAnalysis(dataSource(), parameters({ name: 'Carrera' }), 'test');
    const [a, b] = await Promise.all([claimPersonaAnalysis(dataSource(), 'worker-a', 120), claimPersonaAnalysis(dataSource(), 'worker-b', 120)]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual([queued.id]);
    const holder = present(a ?? b, 'a holder');
    const holderName = a ? 'worker-a' : 'worker-b';
    expect(await claimPersonaAnalysis(dataSource(), 'worker-c', 120)).toBeNull();

    // The holder's process stops reporting: after the lease, another worker takes the analysis over.
    await dataSource().query(`UPDATE persona_analyses SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [queued.id]);
    const takenOver = present(await claimPersonaAnalysis(dataSource(), 'worker-c', 120), 'the stale analysis');
    expect(takenOver).toMatchObject({ id: queued.id, attempts: 2 });
    await expect(reportPersonaProgress(dataSource(), holder, holderName, 0.5)).rejects.toBeInstanceOf(LostPersonaLease);
    await runPersonaAnalysis(dataSource(), takenOver, 'worker-c', now);
    expect((await readPersonaAnalysis(dataSource(), queued.id))?.status).toBe('done');
  });

  it('moves a customer to the nearest cluster when their purchases change (the nightly refresh)', async () => {
    const result = await analyse({ name: 'Para refrescar' });
    const kitchen = present(result.clusters.find((c) => c.name === 'Cocina'), 'a Cocina cluster');
    expect(await clusterOf(result.id, 1)).not.toBe(kitchen.cluster);
    // Customer 1 turns to the kitchen: five more kitchen tickets.
    const days = ['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-06'];
    await dataSource().query(
      `INSERT INTO orders (id, external_id, customer_id, store_id, channel, kind, status, ordered_at, currency, subtotal, total, item_quantity, fx_rate)
       SELECT 1000 + n, 'later-' || n, 1, 1, 'ecommerce', 'sale', 'completed', d::timestamptz, 'EUR', 10, 10, 1, 1
       FROM unnest($1::text[]) WITH ORDINALITY AS x(d, n)`,
      [days.map((d) => `${d}T10:00:00Z`)],
    );
    await dataSource().query(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, total) SELECT 1000 + n, 1, 2, 1, 10, 10 FROM generate_series(1, 5) n`,
    );
    const summary = await refreshPersonaAssignments(dataSource(), new Date('2026-01-07T00:00:00Z'));
    // Three done analyses of this shop (Departamentos, Carrera and this one), twelve customers each: customer 1 moves in each.
    expect(summary).toEqual({ analyses: 3, customers: 36, moved: 3 });
    expect(await clusterOf(result.id, 1)).toBe(kitchen.cluster);
    const after = await readPersonaAnalysis(dataSource(), result.id);
    expect(after?.clusters.find((c) => c.name === 'Cocina')?.size).toBe(5);
    expect(after?.clusters.find((c) => c.name === 'Huerto')?.size).toBe(3);
  });
});

describe('the analysis restarts', () => {
  it('find exactly what the domain k-means finds from the same seed', async () => {
    let state = 5;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const matrix = matrixFromRows(Array.from({ length: 400 }, (_, i) => Array.from({ length: 6 }, (_, j) => (j === i % 4 ? 3 : 0) + Math.floor(next() * 3))));
    const finished: number[] = [];
    const ours = await clusterPersonaMatrix(matrix, ['a', 'b', 'c', 'd', 'e', 'f'], { k: 4, restarts: 5, seed: 42, transformation: 'none' }, async (done) => {
      finished.push(done);
    });
    const domain = kMeans(matrix, { k: 4, restarts: 5, seed: 42 });
    expect(finished).toEqual([1, 2, 3, 4, 5]);
    expect(ours.restartInertias).toEqual(domain.restartInertias);
    expect(Array.from(ours.assignments)).toEqual(Array.from(domain.assignments));
  });
});
