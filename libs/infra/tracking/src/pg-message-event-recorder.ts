import type { DataSource } from 'typeorm';
import type { MessageEvent, MessageEventRecorder } from '@marea/engine/tracking';

/**
 * Appends to `message_events`. An event of a customer who no longer exists (erased, or merged
 * away after the mail left) is dropped rather than failing the pixel or the redirect.
 */
export class PgMessageEventRecorder implements MessageEventRecorder {
  constructor(private readonly dataSource: DataSource) {}

  async record(event: MessageEvent): Promise<void> {
    if (!/^\d+$/.test(event.customerId)) throw new Error(`"${event.customerId}" is not a customer id`);
    await this.dataSource.query(
      `INSERT INTO message_events (message_id, customer_id, kind, at, detail)
       SELECT $1, $2::bigint, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM customers WHERE id = $2::bigint)`,
      [event.messageId, event.customerId, event.kind, event.at, event.detail ?? null],
    );
  }
}
