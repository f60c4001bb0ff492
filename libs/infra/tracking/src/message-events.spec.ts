import { useTestDatabase } from '@marea/testing';
import { unsubscribeFromEmail } from './email-unsubscribe';
import { PgMessageEventRecorder } from './pg-message-event-recorder';
import { trackingSecret } from './tracking-secret';

describe('what happens to a message after it left', () => {
  const db = useTestDatabase();
  const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db().dataSource.query<T[]>(text, params);
  let ana: string;

  beforeAll(async () => {
    [{ id: ana }] = await query<{ id: string }>(`INSERT INTO customers (external_id, email) VALUES ('ana', 'ana@shop.example') RETURNING id::text`);
    await query(`INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'given', '2026-01-01', 'checkout')`, [ana]);
  });

  it('records deliveries, opens and clicks by message, readable per customer', async () => {
    const recorder = new PgMessageEventRecorder(db().dataSource);
    await recorder.record({ messageId: '<m-1@marea>', customerId: ana, kind: 'delivered', at: new Date('2026-06-01T10:00:00Z'), detail: '250 OK' });
    await recorder.record({ messageId: '<m-1@marea>', customerId: ana, kind: 'opened', at: new Date('2026-06-01T11:00:00Z') });
    await recorder.record({ messageId: '<m-1@marea>', customerId: ana, kind: 'clicked', at: new Date('2026-06-01T11:01:00Z'), detail: 'https://shop.example/' });
    const rows = await query(`SELECT kind, detail FROM message_events WHERE customer_id = $1 ORDER BY at`, [ana]);
    expect(rows).toEqual([
      { kind: 'delivered', detail: '250 OK' },
      { kind: 'opened', detail: null },
      { kind: 'clicked', detail: 'https://shop.example/' },
    ]);
  });

  it('drops the event of a customer who no longer exists instead of failing', async () => {
    const recorder = new PgMessageEventRecorder(db().dataSource);
    await recorder.record({ messageId: '<m-2@marea>', customerId: '999999', kind: 'opened', at: new Date() });
    expect(await query(`SELECT * FROM message_events WHERE message_id = '<m-2@marea>'`)).toEqual([]);
  });

  it('withdraws the email consent on unsubscribe, in the consent history, once', async () => {
    const at = new Date('2026-06-02T08:00:00Z');
    expect(await unsubscribeFromEmail(db().dataSource, { messageId: '<m-1@marea>', customerId: ana, at })).toBe('unsubscribed');
    expect(await unsubscribeFromEmail(db().dataSource, { messageId: '<m-1@marea>', customerId: ana, at: new Date() })).toBe('already-unsubscribed');
    expect(await query(`SELECT status, source FROM consents WHERE customer_id = $1 AND channel = 'email'`, [ana])).toEqual([
      { status: 'withdrawn', source: 'unsubscribe' },
    ]);
    expect(await query(`SELECT status, source FROM consent_changes WHERE customer_id = $1`, [ana])).toEqual([{ status: 'withdrawn', source: 'unsubscribe' }]);
    expect(await query(`SELECT kind FROM message_events WHERE kind = 'unsubscribed' AND customer_id = $1`, [ana])).toEqual([{ kind: 'unsubscribed' }]);
  });

  it('lands an event and an unsubscribe of a profile merged away after the mail left on the survivor', async () => {
    const [{ id: bo }] = await query<{ id: string }>(`INSERT INTO customers (external_id) VALUES ('bo') RETURNING id::text`);
    // Bo's old profile (id 777777) was merged into Bo after the email went out.
    await query(`INSERT INTO customer_merges (absorbed_id, survivor_id, absorbed_profile, merged_by) VALUES (777777, $1, '{}', 'test')`, [bo]);
    await new PgMessageEventRecorder(db().dataSource).record({ messageId: '<m-3@marea>', customerId: '777777', kind: 'clicked', at: new Date() });
    expect(await unsubscribeFromEmail(db().dataSource, { messageId: '<m-3@marea>', customerId: '777777', at: new Date() })).toBe('unsubscribed');
    expect(await query(`SELECT customer_id::text, kind FROM message_events WHERE message_id = '<m-3@marea>' ORDER BY id`)).toEqual([
      { customer_id: bo, kind: 'clicked' },
      { customer_id: bo, kind: 'unsubscribed' },
    ]);
    expect(await query(`SELECT status FROM consents WHERE customer_id = $1`, [bo])).toEqual([{ status: 'withdrawn' }]);
  });

  it('says so when the customer of an unsubscribe link is gone', async () => {
    expect(await unsubscribeFromEmail(db().dataSource, { messageId: 'm', customerId: '999999', at: new Date() })).toBe('no-customer');
  });

  it('generates the signing secret once and keeps it; MAREA_SECRET takes precedence', async () => {
    const first = await trackingSecret(db().dataSource, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await trackingSecret(db().dataSource, undefined)).toBe(first);
    expect(await trackingSecret(db().dataSource, 'configured-secret-of-thirty-two-chars')).toBe('configured-secret-of-thirty-two-chars');
  });
});
