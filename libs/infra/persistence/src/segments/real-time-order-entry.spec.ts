import { IngestionService } from '@marea/engine/ingestion';
import { RealTimeSegmentWorker, ShopSegmentRules } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from '../ingestion/postgres-ingestion-store';
import { PgRealTimeSegmentStore } from './pg-real-time-segment-store';
import { PgSegmentCatalogueSource } from './pg-segment-catalogue-source';
import { PgSegmentComputationStore } from './pg-segment-computation-store';

const valenciaBuyers = {
  version: 1,
  match: 'all',
  negate: false,
  conditions: [
    { kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Valencia' } },
    { kind: 'order_aggregate', aggregate: 'count', measure: 'amount', filter: {}, test: { op: 'gte', value: 1 } },
  ],
};

describe('a first order moves a customer into a segment of buyers, in real time', () => {
  const db = useTestDatabase();
  const ingestion = () => new IngestionService(new PostgresIngestionStore(db().dataSource));
  const rules = () => new ShopSegmentRules(new PgSegmentCatalogueSource(db().dataSource), 0);
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);

  it('enters Elena when her first order arrives', async () => {
    const store = new PgRealTimeSegmentStore(db().dataSource);
    const worker = new RealTimeSegmentWorker({ store, rules: rules(), retryMs: 200 });
    try {
      await ingestion().upsertStores([{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
      await ingestion().upsertCustomers([{ externalId: 'c-9', firstName: 'Elena', city: 'Valencia' }]);
      await query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('valencia-buyers', 'Valencia buyers', 'dynamic', $1, 1)`, [JSON.stringify(valenciaBuyers)]);
      const computations = new PgSegmentComputationStore(db().dataSource);
      const claimed = (await computations.claimDue('test', 60_000))!;
      const now = new Date();
      await computations.recompute(claimed, 'test', await rules().compile(valenciaBuyers, now), now, null);
      await worker.drain();

      const result = await ingestion().upsertOrders([
        { externalId: 'o-9', customerExternalId: 'c-9', storeExternalId: 'web', orderedAt: new Date().toISOString(), lines: [{ sku: 'planter', quantity: 1, unitPrice: 45 }] },
      ]);
      expect(result.rejected).toBe(0);
      const queued = await query(`SELECT customer_id FROM segment_dirty_customers`);
      const outcome = await worker.drain();
      const members = await query(`SELECT customer_id::text FROM segment_memberships WHERE exited_at IS NULL`);
      expect({ queued: queued.length, outcome, members: members.length }).toEqual({ queued: 1, outcome: { customers: 1, entered: 1, exited: 0 }, members: 1 });
    } finally {
      await store.close();
    }
  });
});
