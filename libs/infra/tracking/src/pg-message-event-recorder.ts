import type { DataSource } from 'typeorm';
import type { MessageEvent, MessageEventRecorder } from '@marea/engine/tracking';
import { currentCustomerIdSql } from './customer-after-merges';

/**
 * Appends to `message_events`, on the customer the id stands for today (a profile merged away
 * after the mail left resolves to the survivor). An event of an erased customer is dropped
 * rather than failing the pixel or the redirect.
 */
export class PgMessageEventRecorder implements MessageEventRecorder {
  constructor(private readonly dataSource: DataSource) {}

  async record(event: MessageEvent): Promise<void> {
    if (!/^\d+$/.test(event.customerId)) throw new Error(`"${event.customerId}" is not a customer id`);
    await this.dataSource.query(
      `INSERT INTO message_events (message_id, customer_id, kind, at, detail)
       SELECT $1, id, $3, $4, $5 FROM customers WHERE id = ${currentCustomerIdSql('$2')}`,
      [event.messageId, event.customerId, event.kind, event.at, event.detail ?? null],
    );
  }
}
