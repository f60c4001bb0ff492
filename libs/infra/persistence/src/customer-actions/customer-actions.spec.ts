import { IngestionService } from '@marea/engine/ingestion';
import { CustomerActionRejected } from '@marea/engine/customer-actions';
import { RealTimeSegmentWorker, ShopSegmentRules } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PostgresIngestionStore } from '../ingestion/postgres-ingestion-store';
import { PgRealTimeSegmentStore } from '../segments/pg-real-time-segment-store';
import { PgSegmentCatalogueSource } from '../segments/pg-segment-catalogue-source';
import { PgSegmentComputationStore } from '../segments/pg-segment-computation-store';
import { PgCustomerAttributeUpdates } from './pg-customer-attribute-updates';
import { PgUserNotifications } from './pg-user-notifications';

const winBack = { automationId: '7', automationName: 'Win-back' };

describe('automations updating customers and notifying users', () => {
  const db = useTestDatabase();
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);
  const updates = () => new PgCustomerAttributeUpdates(db().dataSource, () => '2026-11-24');
  let customerId: string;

  beforeAll(async () => {
    const ingestion = new IngestionService(new PostgresIngestionStore(db().dataSource));
    await ingestion.upsertCustomFields([{ key: 'loyalty_points', label: 'Loyalty points', type: 'number' }]);
    await ingestion.upsertCustomers([{ externalId: 'ana', firstName: 'Ana', tags: ['newsletter'], attributes: { loyalty_points: 40 } }]);
    [{ id: customerId }] = await query<{ id: string }>(`SELECT id::text FROM customers WHERE external_id = 'ana'`);
  });

  const ana = async () =>
    (await query<{ city: string | null; tags: string[]; attributes: Record<string, unknown> }>(`SELECT city, tags, attributes FROM customers WHERE id = $1`, [customerId]))[0];

  it('applies set, increment and tag operations once per effect key, recorded in the history under the automation', async () => {
    const operations = [
      { op: 'set', field: 'city', value: 'Sevilla' },
      { op: 'increment', field: 'attributes.loyalty_points', by: 10 },
      { op: 'add-tag', tag: 'win-back' },
      { op: 'remove-tag', tag: 'newsletter' },
    ] as const;
    expect(await updates().apply('decision-1', customerId, operations, winBack)).toEqual({ applied: true });
    expect(await updates().apply('decision-1', customerId, operations, winBack)).toEqual({ applied: false });

    expect(await ana()).toEqual({ city: 'Sevilla', tags: ['win-back'], attributes: { loyalty_points: 50 } });
    const history = await query(`SELECT field, before, after, changed_by FROM customer_changes WHERE customer_id = $1 ORDER BY field`, [customerId]);
    expect(history).toEqual([
      { field: 'attributes.loyalty_points', before: 40, after: 50, changed_by: 'automation Win-back' },
      { field: 'city', before: null, after: 'Sevilla', changed_by: 'automation Win-back' },
      { field: 'tags', before: ['newsletter'], after: ['win-back'], changed_by: 'automation Win-back' },
    ]);
  });

  it('refuses a value of the wrong type naming the operation, and changes nothing, not even the effect key', async () => {
    const before = await ana();
    const attempt = updates().apply('decision-2', customerId, [
      { op: 'clear', field: 'city' },
      { op: 'set', field: 'attributes.loyalty_points', value: 'lots' },
    ]);
    await expect(attempt).rejects.toThrow(CustomerActionRejected);
    await expect(attempt).rejects.toMatchObject({
      problems: [{ field: 'operations[1].value', message: 'attributes.loyalty_points: must be a number (custom field "loyalty_points" is of type number)' }],
    });
    expect(await ana()).toEqual(before);
    expect(await query(`SELECT 1 FROM customer_attribute_updates WHERE effect_key = 'decision-2'`)).toEqual([]);
  });

  it('refuses to update a customer that does not exist', async () => {
    await expect(updates().apply('decision-3', '999999', [{ op: 'add-tag', tag: 'x' }])).rejects.toThrow('There is no customer with id 999999');
  });

  it('moves the customer into a dynamic segment through the real-time re-evaluation', async () => {
    const rule = { version: 1, match: 'all', negate: false, conditions: [{ kind: 'tags', test: { op: 'in', values: ['vip'] } }] };
    await query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('vip', 'VIP', 'dynamic', $1, 1)`, [JSON.stringify(rule)]);
    const rules = new ShopSegmentRules(new PgSegmentCatalogueSource(db().dataSource), 0);
    const computations = new PgSegmentComputationStore(db().dataSource);
    const claimed = (await computations.claimDue('test', 60_000))!;
    await computations.recompute(claimed, 'test', await rules.compile(rule, new Date()), new Date(), null);
    const members = () => query(`SELECT m.customer_id::text AS id FROM segment_memberships m JOIN segments s ON s.id = m.segment_id WHERE s.code = 'vip' AND m.exited_at IS NULL`);
    expect(await members()).toEqual([]);

    await updates().apply('decision-4', customerId, [{ op: 'add-tag', tag: 'vip' }], winBack);

    const store = new PgRealTimeSegmentStore(db().dataSource);
    try {
      await new RealTimeSegmentWorker({ store, rules, retryMs: 200 }).drain();
    } finally {
      await store.close();
    }
    expect(await members()).toEqual([{ id: customerId }]);
  });

  it('notifies one user once per effect key, and every active admin and marketer when no user is named', async () => {
    const users = await query<{ id: string; role: string }>(
      `INSERT INTO users (email, name, role, active) VALUES
         ('admin@shop.test', 'Admin', 'admin', true), ('marketer@shop.test', 'Marketer', 'marketer', true),
         ('manager@shop.test', 'Manager', 'manager', true), ('gone@shop.test', 'Gone', 'marketer', false)
       RETURNING id::text, role`,
    );
    const manager = users.find((user) => user.role === 'manager')!;
    const notifications = new PgUserNotifications(db().dataSource);

    await notifications.notify('decision-5', { userId: manager.id, message: 'Call Ana today', link: `/customers/${customerId}` });
    await notifications.notify('decision-5', { userId: manager.id, message: 'Call Ana today', link: `/customers/${customerId}` });
    await notifications.notify('decision-6', { userId: null, message: 'Win-back sent 100 emails' });
    await notifications.notify('decision-6', { userId: null, message: 'Win-back sent 100 emails' });

    const rows = await query(`SELECT u.email, n.message, n.link, n.kind FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY u.email`);
    expect(rows).toEqual([
      { email: 'admin@shop.test', message: 'Win-back sent 100 emails', link: null, kind: 'automation' },
      { email: 'manager@shop.test', message: 'Call Ana today', link: `/customers/${customerId}`, kind: 'automation' },
      { email: 'marketer@shop.test', message: 'Win-back sent 100 emails', link: null, kind: 'automation' },
    ]);
  });
});
