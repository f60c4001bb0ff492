import type { CustomerMetrics } from '@marea/contracts';
import { readCustomerMetrics, refreshCustomerMetrics } from '@marea/infra/persistence';
import type { DataSource } from 'typeorm';
import type { ApiUnderTest } from '../../ingestion/testing/api-under-test';

type Line = [sku: string, quantity: number, unitPrice: number];

/** A small shop built through the real batch API, and its customers' metrics read as of a fixed "now". */
export class HandMadeShop {
  private orders = 0;

  constructor(
    private readonly api: ApiUnderTest,
    private readonly dataSource: DataSource,
  ) {}

  async send(resource: string, items: unknown[]): Promise<void> {
    const answer = await this.api.batch(resource, items);
    const failed = answer.body?.items?.filter((item: { status: string }) => item.status === 'rejected') ?? [];
    if (answer.status !== 200 || failed.length) throw new Error(`${resource} refused: ${JSON.stringify(answer.body)}`);
  }

  /** A sale (or, with negative quantities and kind return, a return) of `customer` at `at`. */
  async order(customer: string, at: string, lines: Line[], extra: Record<string, unknown> = {}): Promise<string> {
    const externalId = `o-${++this.orders}`;
    await this.send('orders', [{
      externalId,
      customerExternalId: customer,
      storeExternalId: 'web',
      orderedAt: at,
      lines: lines.map(([sku, quantity, unitPrice]) => ({ sku, quantity, unitPrice })),
      ...extra,
    }]);
    return externalId;
  }

  async idOf(customer: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT id::text AS id FROM customers WHERE external_id = $1`, [customer]);
    return row.id;
  }

  async metrics(customer: string, asOf: Date): Promise<CustomerMetrics> {
    const metrics = await readCustomerMetrics(this.dataSource, await this.idOf(customer), asOf);
    if (!metrics) throw new Error(`no customer ${customer}`);
    return metrics;
  }

  /** The customer's row of customer_metrics (null when there is none). */
  async summary(customer: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.dataSource.query(
      `SELECT m.* FROM customer_metrics m JOIN customers c ON c.id = m.customer_id WHERE c.external_id = $1`,
      [customer],
    );
    return row ?? null;
  }

  refreshAll(asOf: Date) {
    return refreshCustomerMetrics(this.dataSource, asOf);
  }
}
