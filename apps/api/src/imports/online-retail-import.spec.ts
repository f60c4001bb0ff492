import { useTestDatabase } from '@marea/testing';
import { readSharedFile, REAL_DATA_IMPORT_MS, REAL_DATA_TEST_MS } from './testing/import-api-client';
import { startImportTestApp, type ImportTestApp } from './testing/import-test-app';

/*
 * Expected figures, computed independently of Marea with Python's csv module:
 *   python3 -c "import csv; from decimal import Decimal as D
 *     r=list(csv.DictReader(open('online-retail/online_retail_subset_customerid_mod10_eq0.csv')))
 *     c=lambda x: x['InvoiceNo'].startswith('C')
 *     print(len(r), len({x['CustomerID'] for x in r}), len({x['InvoiceNo'] for x in r}),
 *           len({x['InvoiceNo'] for x in r if c(x)}), len({x['StockCode'] for x in r}),
 *           sum(D(x['Quantity'])*D(x['UnitPrice']) for x in r if not c(x)),
 *           sum(D(x['Quantity'])*D(x['UnitPrice']) for x in r if c(x)))"
 *   → 36378 445 2011 300 2872 833273.87 -21859.54   (742 of the rows belong to cancellations)
 */
describe('CSV import of UCI Online Retail (real data)', () => {
  const db = useTestDatabase();
  let test: ImportTestApp;

  beforeAll(async () => {
    test = await startImportTestApp(db());
    // One UK web shop in pounds, and an account in pounds: totals need no conversion.
    await test.ingestion.updateAccount({ name: 'Online Retail', currency: 'GBP', timezone: 'Europe/London' });
    await test.ingestion.upsertStores([{ externalId: 'uk-web', name: 'UK web shop', channel: 'ecommerce', currency: 'GBP' }]);
  });
  afterAll(() => test?.close());

  it('imports every invoice, cancellations as returns, with float customer ids normalised', async () => {
    const job = await test.api.importFile({
      entity: 'orders',
      fileName: 'online_retail_subset_customerid_mod10_eq0.csv',
      file: readSharedFile('online-retail/online_retail_subset_customerid_mod10_eq0.csv'),
      mapping: { CustomerID: 'customerId', Country: null },
      defaults: { storeId: 'uk-web' },
      format: { timezone: 'Europe/London' },
    }, REAL_DATA_IMPORT_MS);
    expect(job).toMatchObject({
      status: 'completed',
      totalRows: 36_378,
      processedRows: 36_378,
      acceptedRows: 36_378,
      rejectedRows: 0,
      ignoredColumns: ['Country'],
    });

    const query = (sql: string) => db().dataSource.query(sql).then((rows: Record<string, unknown>[]) => rows[0]);
    expect(await query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE external_id !~ '^[0-9]+$')::int AS floats FROM customers`))
      .toEqual({ n: 445, floats: 0 });
    expect(await query(`SELECT count(*) FILTER (WHERE kind = 'sale')::int AS sales, count(*) FILTER (WHERE kind = 'return')::int AS returns,
        count(*) FILTER (WHERE kind = 'return' AND external_id NOT LIKE 'C%')::int AS odd_returns FROM orders`))
      .toEqual({ sales: 1711, returns: 300, odd_returns: 0 });
    expect(await query(`SELECT count(*)::int AS lines FROM order_lines`)).toEqual({ lines: 36_378 });
    expect(await query(`SELECT count(*)::int AS products FROM products`)).toEqual({ products: 2872 });
    expect(await query(`SELECT sum(total) FILTER (WHERE kind = 'sale')::text AS sales, sum(total) FILTER (WHERE kind = 'return')::text AS returns,
        sum(total_account)::text AS net FROM orders`))
      .toEqual({ sales: '833273.87', returns: '-21859.54', net: '811414.33' });
    // 2010-12-01 08:26 in London (GMT) is 08:26 UTC.
    expect(await query(`SELECT ordered_at FROM orders WHERE external_id = '536365'`))
      .toEqual({ ordered_at: new Date('2010-12-01T08:26:00Z') });
  }, REAL_DATA_TEST_MS);

  it('changes nothing when the same file is imported again', async () => {
    const before = await db().dataSource.query(`SELECT count(*)::int AS n, max(updated_at) AS at FROM orders`);
    const job = await test.api.importFile({
      entity: 'orders',
      file: readSharedFile('online-retail/online_retail_subset_customerid_mod10_eq0.csv'),
      mapping: { CustomerID: 'customerId', Country: null },
      defaults: { storeId: 'uk-web' },
      format: { timezone: 'Europe/London' },
    }, REAL_DATA_IMPORT_MS);
    expect(job).toMatchObject({ status: 'completed', acceptedRows: 36_378, rejectedRows: 0 });
    expect(await db().dataSource.query(`SELECT count(*)::int AS n, max(updated_at) AS at FROM orders`)).toEqual(before);
  }, REAL_DATA_TEST_MS);
});
