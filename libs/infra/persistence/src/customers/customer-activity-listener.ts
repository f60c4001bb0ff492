import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { CUSTOMER_ACTIVITY_CHANNEL } from './customer-activity-channel';

type Subscriber = (customerId: string) => void;

const RECONNECT_MS = 1_000;

function clientConfig(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as PostgresDataSourceOptions;
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
    application_name: 'marea-customer-activity',
  };
}

/**
 * Listens on the customer-activity channel with one dedicated connection (LISTEN holds its
 * session, so it cannot be a pooled one) while anybody is subscribed, and hands each customer
 * id to the subscribers of that customer. A lost connection is re-opened after a second; what
 * was announced meanwhile is not replayed (subscribers reload the newest entries anyway).
 */
export class CustomerActivityListener {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Calls `onActivity` whenever the customer has new activity; returns the unsubscribe function. */
  async subscribe(customerId: string, onActivity: () => void): Promise<() => void> {
    if (this.closed) throw new Error('the customer activity listener is closed');
    const subscriber: Subscriber = () => onActivity();
    const set = this.subscribers.get(customerId) ?? new Set();
    set.add(subscriber);
    this.subscribers.set(customerId, set);
    await this.connect();
    return () => this.unsubscribe(customerId, subscriber);
  }

  /** Whether the listening connection is open (for tests and health). */
  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    await this.disconnect();
  }

  private unsubscribe(customerId: string, subscriber: Subscriber): void {
    const set = this.subscribers.get(customerId);
    set?.delete(subscriber);
    if (set && set.size === 0) this.subscribers.delete(customerId);
    if (this.subscribers.size === 0) void this.disconnect();
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client(clientConfig(this.dataSource));
    client.on('notification', (message) => {
      if (message.channel !== CUSTOMER_ACTIVITY_CHANNEL || !message.payload) return;
      this.subscribers.get(message.payload)?.forEach((subscriber) => subscriber(message.payload as string));
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${CUSTOMER_ACTIVITY_CHANNEL}`);
    if (this.closed || this.subscribers.size === 0) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.subscribers.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed && this.subscribers.size > 0) this.connect().catch(() => this.scheduleReconnect());
    }, RECONNECT_MS);
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
