import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** The channel the segment_mark_customers_dirty() trigger notifies at commit. */
const CHANNEL = 'segment_dirty_customers';

/**
 * One dedicated connection LISTENing for customers queued for real-time re-evaluation. It sits
 * outside the pool (a LISTEN must hold its connection for as long as it listens) and reconnects
 * on the next wait if the connection drops; waits also end on their timeout, so a lost
 * notification delays the work by one poll at most.
 */
export class QueuedCustomersListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  async wait(timeoutMs: number): Promise<void> {
    if (this.closed) return;
    await this.connect().catch(() => undefined);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters) waiter();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: url, application_name: 'marea-segment-listener' });
    client.on('notification', () => {
      for (const waiter of this.waiters) waiter();
    });
    client.on('error', () => {
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
  }
}
