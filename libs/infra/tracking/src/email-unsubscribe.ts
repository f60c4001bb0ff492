import type { DataSource } from 'typeorm';
import { currentCustomerIdSql } from './customer-after-merges';

export type UnsubscribeOutcome = 'unsubscribed' | 'already-unsubscribed' | 'no-customer';

/**
 * A recipient's unsubscribe: the email consent is withdrawn (source 'unsubscribe', kept in the
 * consent history the timeline shows) and the message gets its `unsubscribed` event, in one
 * transaction, on the customer the link's id stands for today (see currentCustomerIdSql). A
 * second click changes nothing and is not recorded again.
 */
export async function unsubscribeFromEmail(
  dataSource: DataSource,
  request: { messageId: string; customerId: string; at: Date },
): Promise<UnsubscribeOutcome> {
  if (!/^\d+$/.test(request.customerId)) return 'no-customer';
  return dataSource.transaction(async (db) => {
    // Locks the customer, so two clicks at once withdraw once.
    const [customer] = await db.query<{ id: string }[]>(`SELECT id::text FROM customers WHERE id = ${currentCustomerIdSql('$1')} FOR UPDATE`, [
      request.customerId,
    ]);
    if (!customer) return 'no-customer';
    const customerId = customer.id;
    const [consent] = await db.query<{ status: string }[]>(`SELECT status FROM consents WHERE customer_id = $1 AND channel = 'email'`, [customerId]);
    if (consent?.status === 'withdrawn') return 'already-unsubscribed';
    await db.query(
      `INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'withdrawn', $2, 'unsubscribe')
       ON CONFLICT (customer_id, channel) DO UPDATE SET status = 'withdrawn', changed_at = $2, source = 'unsubscribe'`,
      [customerId, request.at],
    );
    await db.query(
      `INSERT INTO consent_changes (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'withdrawn', $2, 'unsubscribe')
       ON CONFLICT DO NOTHING`,
      [customerId, request.at],
    );
    await db.query(`INSERT INTO message_events (message_id, customer_id, kind, at) VALUES ($1, $2, 'unsubscribed', $3)`, [
      request.messageId,
      customerId,
      request.at,
    ]);
    return 'unsubscribed';
  });
}
