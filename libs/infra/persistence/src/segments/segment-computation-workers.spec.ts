import { SegmentComputationWorker, ShopSegmentRules } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PgSegmentCatalogueSource } from './pg-segment-catalogue-source';
import { PgSegmentComputationStore } from './pg-segment-computation-store';

describe('several engine processes computing segments', () => {
  const db = useTestDatabase();
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);

  it('compute every due segment exactly once between them', async () => {
    await query(`INSERT INTO customers (external_id, country) SELECT 'c-' || i, (ARRAY['ES', 'PL', 'PT'])[i % 3 + 1] FROM generate_series(1, 300) AS i`);
    for (let i = 0; i < 12; i++) {
      const rule = { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'country', test: { op: 'in', values: [['ES', 'PL', 'PT'][i % 3]] } }] };
      await query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ($1, $1, 'dynamic', $2, 1)`, [`s-${i}`, JSON.stringify(rule)]);
    }
    const rules = new ShopSegmentRules(new PgSegmentCatalogueSource(db().dataSource));
    const workers = ['engine-1', 'engine-2', 'engine-3'].map(
      (worker) => new SegmentComputationWorker({ store: new PgSegmentComputationStore(db().dataSource), rules, worker }),
    );

    const computed = await Promise.all(workers.map((worker) => worker.drain()));

    expect(computed.reduce((sum, count) => sum + count, 0)).toBe(12);
    const sizes = await query<{ code: string; computations: number; size: number }>(
      `SELECT s.code, count(z.*)::int AS computations, max(z.size) AS size FROM segments s LEFT JOIN segment_sizes z ON z.segment_id = s.id
       GROUP BY s.code ORDER BY s.code`,
    );
    expect(sizes.map(({ computations, size }) => ({ computations, size }))).toEqual(Array(12).fill({ computations: 1, size: 100 }));
    const [{ feedRows }] = await query<{ feedRows: number }>(`SELECT count(*)::int AS "feedRows" FROM segment_feed`);
    expect(feedRows).toBe(12 * 100);
  });

  it('records why a rule the shop no longer supports cannot be computed, and tries again later', async () => {
    const rule = { version: 1, match: 'all', conditions: [{ kind: 'custom_field', key: 'retired_field', test: { op: 'is_true' } }] };
    await query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('retired', 'Retired', 'dynamic', $1, 1)`, [JSON.stringify(rule)]);
    const rules = new ShopSegmentRules(new PgSegmentCatalogueSource(db().dataSource));
    const worker = new SegmentComputationWorker({ store: new PgSegmentComputationStore(db().dataSource), rules, worker: 'engine-1' });

    expect(await worker.drain()).toBe(1);

    const [segment] = await query<{ computation_status: string; computation_error: string; retry_in_minutes: number }>(
      `SELECT computation_status, computation_error, round(extract(epoch FROM next_computation_at - now()) / 60)::int AS retry_in_minutes
       FROM segments WHERE code = 'retired'`,
    );
    expect(segment).toEqual({
      computation_status: 'failed',
      computation_error: expect.stringMatching(/^The computation failed: .*custom field "retired_field".* It is retried at /),
      retry_in_minutes: 15,
    });
  });
});
