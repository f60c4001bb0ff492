import { SchedulerRegistry } from '@nestjs/schedule';
import { useTestDatabase } from '@marea/testing';
import { startImportTestApp, type ImportTestApp } from '../imports/testing/import-test-app';
import { HourlyMetricsRefresh } from './hourly-metrics-refresh';

describe('the hourly refresh of customer_metrics', () => {
  const db = useTestDatabase();
  let test: ImportTestApp;
  const run = () => db().dataSource.query(`SELECT computed_at, customers FROM rfm_runs`).then((rows: unknown[]) => rows[0] ?? null);

  beforeAll(async () => {
    test = await startImportTestApp(db());
    await test.ingestion.upsertStores([{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
    await test.ingestion.upsertOrders([
      { externalId: 'o-1', customerExternalId: 'c-1', storeExternalId: 'web', orderedAt: new Date(Date.now() - 86_400_000).toISOString(), lines: [{ sku: 'p', quantity: 1, unitPrice: 10 }] },
    ]);
  });
  afterAll(() => test?.close());

  it('is scheduled every hour', () => {
    expect(test.app.get(SchedulerRegistry).getCronJob('customer-metrics-refresh').cronTime.source).toBe('0 0-23/1 * * *');
  });

  it('deals the RFM quintiles over the base, then skips while another refresh is recent', async () => {
    expect(await run()).toBeNull(); // a batch refreshes figures, never the quintiles
    await test.app.get(HourlyMetricsRefresh).refresh();
    const first = await run();
    expect(first).toMatchObject({ customers: 1 });
    // ntile(5) over a base of one: the customer is the first (lowest) group on every dimension.
    const [row] = await db().dataSource.query(`SELECT rfm_recency, rfm_frequency, rfm_segment FROM customer_metrics`);
    expect(row).toEqual({ rfm_recency: 1, rfm_frequency: 1, rfm_segment: 'lost' });

    await test.app.get(HourlyMetricsRefresh).refresh();
    expect(await run()).toEqual(first);
  });
});
