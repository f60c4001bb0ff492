import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '@marea/testing';
import { readSharedFile, REAL_DATA_IMPORT_MS, REAL_DATA_TEST_MS } from './testing/import-api-client';
import { startImportTestApp, type ImportTestApp } from './testing/import-test-app';

/*
 * Expected figures, computed independently of Marea with Python's csv module (cd ../shared/data):
 *   python3 -c "import csv; from decimal import Decimal as D
 *     p=list(csv.DictReader(open('completejourney/products.csv')))
 *     print(len(p), len({x['department'] for x in p}) + len({(x['department'],x['product_category']) for x in p if x['product_category']}))
 *     t=list(csv.DictReader(open('completejourney/transactions_sample.csv')))
 *     bad={x['basket_id'] for x in t if D(x['quantity'])==0}; g=[x for x in t if x['basket_id'] not in bad]
 *     print(len(bad), len({x['basket_id'] for x in g}), len(g), len({x['household_id'] for x in g}),
 *           sum(D(x['sales_value']) for x in g), len({x['product_id'] for x in t} - {x['product_id'] for x in p}))"
 *   → 92331 375            (32 departments + 343 department > category pairs)
 *   → 412 46831 74138 2373 232658.36 5
 * 412 baskets hold a line of quantity 0, which an order cannot have: they are rejected whole.
 */
describe('CSV import of The Complete Journey (real data)', () => {
  const db = useTestDatabase();
  let test: ImportTestApp;
  const query = (sql: string) => db().dataSource.query(sql).then((rows: Record<string, unknown>[]) => rows[0]);

  beforeAll(async () => {
    test = await startImportTestApp(db());
    await test.ingestion.updateAccount({ name: 'Complete Journey', currency: 'USD', timezone: 'America/New_York' });
    // The stores the transactions name, created as an integrator would before sending orders.
    const transactions = parse(readSharedFile('completejourney/transactions_sample.csv'), { columns: true }) as { store_id: string }[];
    const storeIds = [...new Set(transactions.map((row) => row.store_id))];
    const stores = await test.ingestion.upsertStores(
      storeIds.map((id) => ({ externalId: id, name: `Store ${id}`, channel: 'store', currency: 'USD' })),
    );
    expect(stores.created).toBe(293);
  });
  afterAll(() => test?.close());

  it('imports the products, department and product category becoming "DEPT > CATEGORY" categories', async () => {
    const job = await test.api.importFile({
      entity: 'products',
      file: readSharedFile('completejourney/products.csv'),
      mapping: {
        product_id: 'sku',
        department: 'category1',
        product_category: 'category2',
        product_type: 'name',
        brand: 'attributes.brand',
        manufacturer_id: 'attributes.manufacturer_id',
        package_size: 'attributes.package_size',
      },
    }, REAL_DATA_IMPORT_MS);
    expect(job).toMatchObject({ status: 'completed', totalRows: 92_331, acceptedRows: 92_331, rejectedRows: 0 });
    expect(await query(`SELECT count(*)::int AS n FROM products`)).toEqual({ n: 92_331 });
    expect(await query(`SELECT count(*)::int AS all, count(*) FILTER (WHERE parent_id IS NULL)::int AS top FROM categories`))
      .toEqual({ all: 375, top: 32 });
    expect(await query(`SELECT p.name, p.attributes->>'brand' AS brand, array_agg(c.path ORDER BY c.path) AS paths
        FROM products p JOIN product_categories pc ON pc.product_id = p.id JOIN categories c ON c.id = pc.category_id
        WHERE p.external_id = '25671' GROUP BY p.id`))
      .toEqual({ name: 'ICE - CRUSHED/CUBED', brand: 'National', paths: expect.arrayContaining(['GROCERY > FRZN ICE']) });
  }, REAL_DATA_TEST_MS);

  it('imports the transactions: households become customers, baskets orders, one row per line', async () => {
    const job = await test.api.importFile({
      entity: 'orders',
      file: readSharedFile('completejourney/transactions_sample.csv'),
      mapping: {
        household_id: 'customerId',
        store_id: 'storeId',
        basket_id: 'orderId',
        product_id: 'sku',
        sales_value: 'lineTotal',
        retail_disc: 'lineDiscount',
        coupon_match_disc: 'lineDiscount',
        coupon_disc: null,
        week: null,
        transaction_timestamp: 'orderedAt',
      },
    }, REAL_DATA_IMPORT_MS);
    expect(job).toMatchObject({ status: 'completed', totalRows: 75_000, acceptedRows: 74_138, rejectedRows: 862 });
    expect(await query(`SELECT count(*)::int AS n FROM customers`)).toEqual({ n: 2373 });
    expect(await query(`SELECT count(*)::int AS orders, sum(total)::text AS revenue FROM orders`))
      .toEqual({ orders: 46_831, revenue: '232658.36' });
    expect(await query(`SELECT count(*)::int AS n FROM order_lines`)).toEqual({ n: 74_138 });
    // The one product an accepted basket names but products.csv lacks was created from the reference
    // (5 are missing in all; 4 only in rejected baskets: len({product_id of g} − {product_id of p}) = 1).
    expect(await query(`SELECT count(*)::int AS n FROM products`)).toEqual({ n: 92_332 });

    const rejects = await test.api.rejects(job.id);
    expect(new Set(rejects.map((r) => r.row)).size).toBe(862);
    expect(rejects.find((r) => r.column === 'quantity')).toMatchObject({ message: 'must not be 0' });
  }, REAL_DATA_TEST_MS);
});
