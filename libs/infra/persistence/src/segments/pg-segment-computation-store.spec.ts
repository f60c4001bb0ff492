import type { ClaimedSegment, CompiledRule } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PgSegmentComputationStore } from './pg-segment-computation-store';

/** Customers of the given countries: what the rule compiler emits, written by hand for the store's own test. */
const inCountries = (...countries: string[]): CompiledRule => ({
  sql: `SELECT c.id AS customer_id FROM customers c WHERE c.country = ANY($1::text[])`,
  params: [countries],
});

describe('full computation of a segment in PostgreSQL', () => {
  const db = useTestDatabase();
  const store = () => new PgSegmentComputationStore(db().dataSource);
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);

  async function aSegment(code: string, kind: 'static' | 'dynamic' = 'dynamic'): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      `INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ($1, $1, $2, '{}', 1) RETURNING id::text`,
      [code, kind],
    );
    return id;
  }
  async function customerIn(externalId: string, country: string): Promise<void> {
    await query(
      `INSERT INTO customers (external_id, country) VALUES ($1, $2)
       ON CONFLICT (external_id) DO UPDATE SET country = excluded.country`,
      [externalId, country],
    );
  }
  async function claim(worker = 'w1'): Promise<ClaimedSegment> {
    const segment = await store().claimDue(worker, 60_000);
    if (!segment) throw new Error('no segment was due');
    return segment;
  }
  const members = (segmentId: string) =>
    query<{ external_id: string; entered_at: Date; exited_at: Date | null }>(
      `SELECT c.external_id, m.entered_at, m.exited_at FROM segment_memberships m JOIN customers c ON c.id = m.customer_id
       WHERE m.segment_id = $1 ORDER BY c.external_id, m.entered_at`,
      [segmentId],
    );
  const feed = (segmentId: string) =>
    query<{ external_id: string; change: string }>(
      `SELECT c.external_id, f.change FROM segment_feed f JOIN customers c ON c.id = f.customer_id
       WHERE f.segment_id = $1 ORDER BY f.id`,
      [segmentId],
    );

  it('writes entries and exits as a diff, keeps the history, and puts every change on the feed', async () => {
    const id = await aSegment('iberia');
    await customerIn('ana', 'ES');
    await customerIn('bea', 'PT');
    await customerIn('cai', 'PL');
    const first = new Date('2026-01-01T10:00:00Z');

    const diff = await store().recompute(await claim(), 'w1', inCountries('ES', 'PT'), first, new Date('2026-01-01T14:00:00Z'));
    expect(diff).toEqual({ entered: 2, exited: 0, size: 2 });

    await customerIn('bea', 'PL'); // moves away: leaves
    await customerIn('cai', 'ES'); // moves in: enters
    await query(`UPDATE segments SET next_computation_at = now() WHERE id = $1`, [id]);
    const second = new Date('2026-01-01T14:00:00Z');
    expect(await store().recompute(await claim(), 'w1', inCountries('ES', 'PT'), second, null)).toEqual({ entered: 1, exited: 1, size: 2 });

    await customerIn('bea', 'PT'); // comes back: a second membership, the first stays in the history
    await query(`UPDATE segments SET next_computation_at = now() WHERE id = $1`, [id]);
    const third = new Date('2026-01-01T18:00:00Z');
    expect(await store().recompute(await claim(), 'w1', inCountries('ES', 'PT'), third, null)).toEqual({ entered: 1, exited: 0, size: 3 });

    expect(await members(id)).toEqual([
      { external_id: 'ana', entered_at: first, exited_at: null },
      { external_id: 'bea', entered_at: first, exited_at: second },
      { external_id: 'bea', entered_at: third, exited_at: null },
      { external_id: 'cai', entered_at: second, exited_at: null },
    ]);
    // One row per change; the order inside one computation's transaction carries no meaning.
    expect((await feed(id)).map((row) => `${row.external_id} ${row.change}`).sort()).toEqual([
      'ana entered',
      'bea entered',
      'bea entered',
      'bea exited',
      'cai entered',
    ]);
    const sizes = await query<{ size: number; entered: number; exited: number }>(
      `SELECT size, entered, exited FROM segment_sizes WHERE segment_id = $1 ORDER BY computed_at`,
      [id],
    );
    expect(sizes).toEqual([
      { size: 2, entered: 2, exited: 0 },
      { size: 2, entered: 1, exited: 1 },
      { size: 3, entered: 1, exited: 0 },
    ]);
  });

  it('leaves no membership, feed row or size behind when the computation fails', async () => {
    const id = await aSegment('doomed');
    await customerIn('dan', 'ES');
    const broken: CompiledRule = { sql: `SELECT c.id AS customer_id FROM customers c WHERE c.country = $1 AND 1 / 0 = 1`, params: ['ES'] };

    await expect(store().recompute(await claim(), 'w1', broken, new Date(), null)).rejects.toThrow(/division by zero/);

    expect(await members(id)).toEqual([]);
    expect(await feed(id)).toEqual([]);
    expect(await query(`SELECT * FROM segment_sizes WHERE segment_id = $1`, [id])).toEqual([]);
  });

  it('locks a static segment once computed and never hands it out again', async () => {
    const id = await aSegment('founders', 'static');
    await query(`UPDATE segments SET active = false WHERE code = 'doomed'`);
    await customerIn('eva', 'ES');
    const segment = await claim();
    expect(segment).toMatchObject({ id, kind: 'static', firstComputation: true });

    await store().recompute(segment, 'w1', inCountries('ES'), new Date(), null);

    const [row] = await query<{ locked_at: Date | null; next_computation_at: Date | null; computation_status: string }>(
      `SELECT locked_at, next_computation_at, computation_status FROM segments WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ locked_at: expect.any(Date), next_computation_at: null, computation_status: 'completed' });
    expect(await store().claimDue('w1', 60_000)).toBeNull();
  });

  it('never hands an inactive segment out', async () => {
    await aSegment('dormant');
    await query(`UPDATE segments SET active = false WHERE code = 'dormant'`);
    expect(await store().claimDue('w1', 60_000)).toBeNull();
  });

  it('gives one due segment to one worker only, and a worker that lost its lease writes nothing', async () => {
    const id = await aSegment('contested');
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((worker) => store().claimDue(worker, 60_000)));
    expect(claims.filter(Boolean).map((segment) => segment!.id)).toEqual([id]);

    // The lease goes stale (the worker looks dead) and another worker takes the segment over.
    const first = claims.find(Boolean)!;
    await query(`UPDATE segments SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [id]);
    const takeover = await store().claimDue('w9', 60_000);
    expect(takeover?.id).toBe(id);
    const firstWorker = (await query<{ worker: string }>(`SELECT worker FROM segments WHERE id = $1`, [id]))[0].worker;
    expect(firstWorker).toBe('w9');

    const lateWorker = ['w1', 'w2', 'w3', 'w4'][claims.indexOf(first)];
    expect(await store().recompute(first, lateWorker, inCountries('ES'), new Date(), null)).toBeNull();
    expect(await feed(id)).toEqual([]);
    const [{ spaniards }] = await query<{ spaniards: number }>(`SELECT count(*)::int AS spaniards FROM customers WHERE country = 'ES'`);
    expect(await store().recompute(takeover!, 'w9', inCountries('ES'), new Date(), null)).toEqual({ entered: spaniards, exited: 0, size: spaniards });
  });
  it('forgets a deleted customer everywhere: memberships, history and feed (right to be forgotten)', async () => {
    const id = await aSegment('forgettable');
    await customerIn('gone', 'ES');
    await store().recompute(await claim(), 'w1', inCountries('ES'), new Date(), null);
    expect((await members(id)).map((row) => row.external_id)).toContain('gone');

    await query(`DELETE FROM customers WHERE external_id = 'gone'`);

    const left = await query<{ n: number }>(
      `SELECT (SELECT count(*) FROM segment_memberships m WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = m.customer_id))
            + (SELECT count(*) FROM segment_feed f WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = f.customer_id)) AS n`,
    );
    expect(Number(left[0].n)).toBe(0);
  });
});
