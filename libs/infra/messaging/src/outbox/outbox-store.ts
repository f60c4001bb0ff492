import type { DataSource } from 'typeorm';
import type { OutboxChannel, OutboxMessage, OutboxPage, OutboxQuery } from '@marea/contracts';
import { ConcurrencyLimit } from './concurrency-limit';

/** One message to keep in the outbox, complete as it would have been sent. */
export interface OutboxEntry {
  readonly messageId: string;
  readonly channel: OutboxChannel;
  readonly customerId?: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly headers: Record<string, string>;
  /** The RFC 5322 message (email only). */
  readonly rawMime: string | null;
}

interface OutboxRow {
  id: string;
  message_id: string;
  channel: OutboxChannel;
  customer_id: string | null;
  sender: string;
  recipient: string;
  subject: string;
  created_at: Date;
}

// Ordering must use the bigint column, not the text alias (which would sort '11' before '9').
const SUMMARY_COLUMNS = `id::text, message_id, channel, customer_id::text, sender, recipient, subject, created_at`;

/** The `outbox_messages` table: kept by the outbox channels, read by the outbox API. */
export class OutboxStore {
  private readonly transactions: ConcurrencyLimit;

  constructor(private readonly dataSource: DataSource) {
    this.transactions = new ConcurrencyLimit(transactionSlots(dataSource));
  }

  /**
   * Stores a message and runs the engine's `handOver()` in the same transaction, so the message
   * is in the outbox exactly when it was handed over. Keyed on the Message-ID: a retry of a
   * message already kept stores nothing new and answers with the first one's id.
   *
   * Each open transaction holds a connection while `handOver()` needs another one (the engine
   * commits through the pool too): at most half the pool is held here, so sends running in
   * parallel can never take every connection and wait on each other for good.
   */
  keep(entry: OutboxEntry, handOver: () => Promise<void>): Promise<{ readonly id: string; readonly stored: boolean }> {
    return this.transactions.run(() => this.keepNow(entry, handOver));
  }

  private keepNow(entry: OutboxEntry, handOver: () => Promise<void>): Promise<{ readonly id: string; readonly stored: boolean }> {
    return this.dataSource.transaction(async (db) => {
      const inserted: { id: string }[] = await db.query(
        `INSERT INTO outbox_messages (message_id, channel, customer_id, sender, recipient, subject, html, body_text, headers, raw_mime)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (message_id) DO NOTHING
         RETURNING id::text`,
        [entry.messageId, entry.channel, entry.customerId ?? null, entry.from, entry.to, entry.subject, entry.html, entry.text, JSON.stringify(entry.headers), entry.rawMime],
      );
      const existing: { id: string }[] = inserted.length
        ? inserted
        : await db.query(`SELECT id::text FROM outbox_messages WHERE message_id = $1`, [entry.messageId]);
      await handOver();
      return { id: existing[0].id, stored: inserted.length > 0 };
    });
  }

  /** Newest first, a page at a time (keyset on id, so paging stays fast and stable while mail arrives). */
  async list(query: OutboxQuery): Promise<OutboxPage> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition.replace('?', `$${parameters.length}`));
    };
    if (query.channel) where('channel = ?', query.channel);
    if (query.customerId) where('customer_id = ?', query.customerId);
    if (query.before) where('id < ?', query.before);
    parameters.push(query.limit + 1);
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM outbox_messages
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY outbox_messages.id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    const page = rows.slice(0, query.limit);
    return { items: page.map(summaryOf), nextBefore: rows.length > query.limit ? page[page.length - 1].id : null };
  }

  async get(id: string): Promise<OutboxMessage | null> {
    const [row]: (OutboxRow & { headers: Record<string, string>; html: string; body_text: string })[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, headers, html, body_text FROM outbox_messages WHERE id = $1`,
      [id],
    );
    return row ? { ...summaryOf(row), headers: row.headers, html: row.html, text: row.body_text } : null;
  }
}

/** Half the connections of the DataSource's pool (node-postgres `max`, TypeORM's default 10). */
function transactionSlots(dataSource: DataSource): number {
  const options = dataSource.options as { extra?: { max?: number }; poolSize?: number };
  const poolSize = options.extra?.max ?? options.poolSize ?? 10;
  return Math.max(1, Math.floor(poolSize / 2));
}

function summaryOf(row: OutboxRow) {
  return {
    id: row.id,
    messageId: row.message_id,
    channel: row.channel,
    customerId: row.customer_id,
    from: row.sender,
    to: row.recipient,
    subject: row.subject,
    createdAt: row.created_at.toISOString(),
  };
}
