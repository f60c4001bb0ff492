import type { QueryRunner } from 'typeorm';
import { CUSTOMER_ACTIVITY_CHANNEL } from '../customers/customer-activity-channel';

/**
 * Tells open profile pages that these customers have new events. Sent after the commit, so a
 * listener that reloads at once sees the events; best effort: the events are stored either
 * way, so a failed notice never fails (or retries) the batch.
 */
export async function announceCustomerActivity(runner: QueryRunner, customerIds: ReadonlySet<string>): Promise<void> {
  if (customerIds.size === 0) return;
  await runner
    .query(`SELECT pg_notify($1, id) FROM unnest($2::text[]) AS id`, [CUSTOMER_ACTIVITY_CHANNEL, [...customerIds]])
    .catch(() => undefined);
}
