import { IngestionService } from '@marea/engine/ingestion';
import { RealTimeSegmentWorker, ShopSegmentRules } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from '../ingestion/postgres-ingestion-store';
import { PgRealTimeSegmentStore } from './pg-real-time-segment-store';
import { PgSegmentCatalogueSource } from './pg-segment-catalogue-source';
import { PgSegmentComputationStore } from './pg-segment-computation-store';
import { SEGMENT_LOCK_SPACE } from './segment-lock';

const taggedVip = { version: 1, match: 'all', negate: false, conditions: [{ kind: 'tags', test: { op: 'in', values: ['vip'] } }] };

describe('real-time re-evaluation of customers whose data changed', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const rules = () => new ShopSegmentRules(new PgSegmentCatalogueSource(db().dataSource), 0);
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);
  let store: PgRealTimeSegmentStore;
  let worker: RealTimeSegmentWorker;

  beforeAll(() => {
    store = new PgRealTimeSegmentStore(db().dataSource);
    worker = new RealTimeSegmentWorker({ store, rules: rules(), retryMs: 200 });
  });
  afterAll(() => store.close());

  const queued = async () => (await query<{ external_id: string }>(
    `SELECT c.external_id FROM segment_dirty_customers d JOIN customers c ON c.id = d.customer_id ORDER BY 1`,
  )).map((row) => row.external_id);
  const members = async (code: string) => (await query<{ external_id: string }>(
    `SELECT c.external_id FROM segment_memberships m JOIN segments s ON s.id = m.segment_id JOIN customers c ON c.id = m.customer_id
     WHERE s.code = $1 AND m.exited_at IS NULL ORDER BY 1`,
    [code],
  )).map((row) => row.external_id);

  /** A dynamic segment through its first full computation, as the computation worker does it. */
  async function aComputedSegment(code: string, rule: unknown): Promise<string> {
    const [{ id }] = await query<{ id: string }>(
      `INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ($1, $1, 'dynamic', $2, 1) RETURNING id::text`,
      [code, JSON.stringify(rule)],
    );
    const computations = new PgSegmentComputationStore(db().dataSource);
    const claimed = (await computations.claimDue('test', 60_000))!;
    const now = new Date();
    await computations.recompute(claimed, 'test', await rules().compile(rule, now), now, null);
    return id;
  }

  it('queues nobody while no dynamic segment is active', async () => {
    await ingestion().upsertCustomers([{ externalId: 'ana', tags: ['vip'] }, { externalId: 'bo' }]);
    expect(await queued()).toEqual([]);
  });

  it('queues the customers a batch changed, in its transaction, and moves only them in and out', async () => {
    await aComputedSegment('vip', taggedVip);
    expect(await members('vip')).toEqual(['ana']);

    await ingestion().upsertCustomers([{ externalId: 'ana', tags: [] }, { externalId: 'bo', tags: ['vip'] }, { externalId: 'cy', tags: ['vip'] }]);
    expect(await queued()).toEqual(['ana', 'bo', 'cy']);

    expect(await worker.drain()).toEqual({ customers: 3, entered: 2, exited: 1 });
    expect(await members('vip')).toEqual(['bo', 'cy']);
    expect(await queued()).toEqual([]);
    const [{ size }] = await query<{ size: number }>(`SELECT size FROM segments WHERE code = 'vip'`);
    expect(size).toBe(2);
    const feed = await query<{ external_id: string; change: string }>(
      `SELECT c.external_id, f.change FROM segment_feed f JOIN customers c ON c.id = f.customer_id
       JOIN segments s ON s.id = f.segment_id WHERE s.code = 'vip'`,
    );
    expect(feed.map((row) => `${row.external_id} ${row.change}`).sort()).toEqual(['ana entered', 'ana exited', 'bo entered', 'cy entered']);
  });

  it('wakes the worker at the commit of the change', async () => {
    const waited = store.waitForQueued(5000);
    await new Promise((resolve) => setTimeout(resolve, 100)); // LISTEN is in place
    const started = Date.now();
    await ingestion().upsertCustomers([{ externalId: 'dee', tags: ['vip'] }]);
    await waited;
    expect(Date.now() - started).toBeLessThan(1000);
    await worker.drain();
    expect(await members('vip')).toEqual(['bo', 'cy', 'dee']);
  });

  it('leaves a segment being fully computed alone and evaluates its customers again once it has committed', async () => {
    const [{ id }] = await query<{ id: string }>(`SELECT id::text FROM segments WHERE code = 'vip'`);
    const fullComputation = db().dataSource.createQueryRunner();
    await fullComputation.connect();
    await fullComputation.startTransaction();
    await fullComputation.query(`SELECT pg_advisory_xact_lock($1, $2::int)`, [SEGMENT_LOCK_SPACE, id]);

    await ingestion().upsertCustomers([{ externalId: 'eli', tags: ['vip'] }]);
    await worker.drain();
    expect(await members('vip')).not.toContain('eli');
    expect(await queued()).toEqual(['eli']);

    await fullComputation.commitTransaction();
    await fullComputation.release();
    await new Promise((resolve) => setTimeout(resolve, 250)); // the retry delay
    await worker.drain();
    expect(await members('vip')).toContain('eli');
    expect(await queued()).toEqual([]);
  });

  it('re-evaluates a customer whose consent changed', async () => {
    const consented = { version: 1, match: 'all', negate: false, conditions: [{ kind: 'consent', channel: 'email', status: 'given' }] };
    await aComputedSegment('email-ok', consented);
    await ingestion().recordConsents([{ customerExternalId: 'bo', channel: 'email', status: 'given', changedAt: new Date().toISOString(), source: 'test' }]);
    await worker.drain();
    expect(await members('email-ok')).toEqual(['bo']);
  });
  it('carries a change through to the segments built on the changed one', async () => {
    const inVip = { version: 1, match: 'all', negate: false, conditions: [{ kind: 'segment', member: true, code: 'vip' }] };
    await aComputedSegment('friends-of-vip', inVip);
    expect(await members('friends-of-vip')).toEqual(await members('vip'));

    await ingestion().upsertCustomers([{ externalId: 'fay', tags: ['vip'] }, { externalId: 'cy', tags: [] }]);
    await worker.drain();

    expect(await members('vip')).toContain('fay');
    expect(await members('friends-of-vip')).toEqual(await members('vip'));
    expect(await members('friends-of-vip')).not.toContain('cy');
  });
});
