import { useTestDatabase } from '@marea/testing';
import { SegmentFeedReader } from './segment-feed';

describe('the segment feed as a consumer reads it', () => {
  const db = useTestDatabase();
  const query = (text: string, params: unknown[] = []) => db().dataSource.query(text, params);

  it('hands out each entry and exit once, in commit-safe order, from where the consumer left off', async () => {
    await query(`INSERT INTO customers (external_id) VALUES ('ana'), ('bo')`);
    await query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('vip', 'VIP', 'dynamic', '{}', 1)`);
    const change = (customer: string, kind: string) =>
      query(
        `INSERT INTO segment_feed (segment_id, customer_id, change, at)
         SELECT s.id, c.id, $2, now() FROM segments s, customers c WHERE s.code = 'vip' AND c.external_id = $1`,
        [customer, kind],
      );
    await change('ana', 'entered');
    await change('bo', 'entered');

    // A transaction still open holds back everything after it, so nothing it commits later is skipped.
    const open = db().dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    await open.query(`SELECT pg_current_xact_id()`);
    await change('ana', 'exited');

    const automations = new SegmentFeedReader(db().dataSource);
    const first = await automations.next('automations', 10);
    expect(first.map((entry) => [entry.segmentCode, entry.change])).toEqual([
      ['vip', 'entered'],
      ['vip', 'entered'],
    ]);
    await automations.acknowledge('automations', first[1].position);
    expect(await automations.next('automations', 10)).toEqual([]);

    await open.commitTransaction();
    await open.release();
    const second = await automations.next('automations', 10);
    expect(second.map((entry) => entry.change)).toEqual(['exited']);
    await automations.acknowledge('automations', second[0].position);
    expect(await automations.next('automations', 10)).toEqual([]);
    // Another consumer starts from the beginning.
    expect(await automations.next('analytics', 10)).toHaveLength(3);
  });
});
