import { ImportOptions, type BatchResult } from '@marea/contracts';
import { rejectsFromBatch } from './batch-rejects';
import { CsvFileError } from './csv-file-error';
import { chunkItems, planImport } from './import-plan';

const utf8 = (text: string) => new TextEncoder().encode(text);
const options = (input: unknown = {}) => ImportOptions.parse(input);

const RETAIL = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
  'C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527.0,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
].join('\n');

describe('planImport for orders', () => {
  const retailOptions = options({ mapping: { CustomerID: 'customerId', Country: null }, defaults: { storeId: 'uk' } });

  it('groups the lines of an order, normalises float ids and infers returns from the sign', () => {
    const plan = planImport(utf8(RETAIL), 'orders', retailOptions);
    expect(plan.totalRows).toBe(3);
    expect(plan.binding.ignoredColumns).toEqual(['Country']);
    expect(plan.items.map((m) => m.item)).toEqual([
      {
        externalId: '536365',
        customerExternalId: '17850',
        storeExternalId: 'uk',
        orderedAt: '2010-12-01T08:26:00.000Z',
        kind: 'sale',
        lines: [
          { sku: '85123A', productName: 'WHITE HANGING HEART', quantity: 6, unitPrice: 2.55 },
          { sku: '71053', productName: 'WHITE METAL LANTERN', quantity: 6, unitPrice: 3.39 },
        ],
      },
      expect.objectContaining({ externalId: 'C536379', kind: 'return', customerExternalId: '14527' }),
    ]);
    expect(plan.items[0].lineRows?.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('rejects every row of an order with a bad cell, naming the column of the bad one', () => {
    const bad = RETAIL.replace('6,2010-12-01 08:26:00,3.39', 'six,2010-12-01 08:26:00,3.39');
    const plan = planImport(utf8(bad), 'orders', retailOptions);
    expect(plan.items).toHaveLength(1);
    expect(plan.rejectedRows).toBe(2);
    expect(plan.rejects).toEqual([
      expect.objectContaining({ rowNumber: 4, column: 'Quantity', message: expect.stringContaining('must be a number') }),
      expect.objectContaining({ rowNumber: 2, column: null, message: expect.stringContaining('because of row 4') }),
    ]);
  });

  it('derives the unit price from the line total and its discounts, summing discount columns', () => {
    const csv = 'basket_id,household_id,store_id,product_id,quantity,sales_value,retail_disc,coupon_match_disc,ts\n' +
      'b1,h1,s1,p1,2,3.00,0.50,0.50,2017-01-28T19:06:53Z\n';
    const plan = planImport(utf8(csv), 'orders', options({
      mapping: { basket_id: 'orderId', household_id: 'customerId', product_id: 'sku', sales_value: 'lineTotal',
        retail_disc: 'lineDiscount', coupon_match_disc: 'lineDiscount', ts: 'orderedAt' },
    }));
    expect(plan.items[0].item['lines']).toEqual([{ sku: 'p1', quantity: 2, total: 3, discount: 1, unitPrice: 2 }]);
  });

  it('stops the file when a required column is missing or the mapping names an unknown field', () => {
    expect(() => planImport(utf8(RETAIL), 'orders', options())).toThrow(CsvFileError);
    expect(() => planImport(utf8(RETAIL), 'orders', options())).toThrow(/storeId.*default storeId/);
    expect(() => planImport(utf8(RETAIL), 'orders', options({ mapping: { Country: 'nation' }, defaults: { storeId: 'uk' } })))
      .toThrow("sends column 'Country' to 'nation'");
  });

  it('sends whole orders in chunks within the item and row limits', () => {
    const plan = planImport(utf8(RETAIL), 'orders', retailOptions);
    expect(chunkItems(plan.items, { items: 10, rows: 1 }).map((chunk) => chunk.length)).toEqual([1, 1]);
    expect(chunkItems(plan.items, { items: 1, rows: 10 }).map((chunk) => chunk.length)).toEqual([1, 1]);
    expect(chunkItems(plan.items, { items: 10, rows: 3 }).map((chunk) => chunk.length)).toEqual([2]);
  });

  it('translates an ingestion error on a line back to its row and column', () => {
    const plan = planImport(utf8(RETAIL), 'orders', retailOptions);
    const result: BatchResult = {
      received: 2, created: 1, updated: 0, unchanged: 0, rejected: 1,
      items: [
        { index: 0, outcome: 'rejected', errors: [{ field: 'lines[1].unitPrice', message: 'must not be negative' }] },
        { index: 1, outcome: 'created' },
      ],
    };
    const outcome = rejectsFromBatch(plan.items, result, plan.format, plan.binding);
    expect(outcome).toMatchObject({ acceptedRows: 1, rejectedRows: 2 });
    expect(outcome.rejects).toEqual([
      expect.objectContaining({ rowNumber: 4, column: 'UnitPrice', message: 'must not be negative' }),
      expect.objectContaining({ rowNumber: 2, message: 'not imported: order 536365 was rejected because of row 4' }),
    ]);
  });
});

describe('planImport for customers and products', () => {
  it('maps headers by name, ignoring case and separators, and takes attributes.<key> columns', () => {
    const csv = 'Customer ID,E-mail,First Name,Tags,attributes.loyalty_level,Notes\n17850.0,a@b.es,Ana,vip|newsletter,gold,x\n';
    const plan = planImport(utf8(csv), 'customers', options({ mapping: { 'E-mail': 'email' } }));
    expect(plan.items[0].item).toEqual({
      externalId: '17850', email: 'a@b.es', firstName: 'Ana', tags: ['vip', 'newsletter'],
      attributes: { loyalty_level: 'gold' },
    });
    expect(plan.binding.ignoredColumns).toEqual(['Notes']);
  });

  it('reads custom-field cells as the type of their definition', () => {
    const csv = 'id,attributes.points,attributes.vip,attributes.since\nc1,"1.234,5",sí,2020-01-02\nc2,many,maybe,\n';
    const types = new Map([['points', 'number'], ['vip', 'boolean'], ['since', 'date']] as const);
    const plan = planImport(utf8(csv), 'customers', options({ format: { decimalSeparator: ',' } }), types);
    expect(plan.items[0].item['attributes']).toEqual({ points: 1234.5, vip: true, since: '2020-01-02' });
    expect(plan.rejects.map((r) => [r.rowNumber, r.column])).toEqual([[3, 'attributes.points'], [3, 'attributes.vip']]);
  });

  it('names an ingestion error by the column behind the field', () => {
    const plan = planImport(utf8('id,mail\nc1,nope\n'), 'customers', options({ mapping: { mail: 'email' } }));
    const outcome = rejectsFromBatch(plan.items, {
      received: 1, created: 0, updated: 0, unchanged: 0, rejected: 1,
      items: [{ index: 0, outcome: 'rejected', errors: [{ field: 'email', message: 'must be an email address' }] }],
    }, plan.format, plan.binding);
    expect(outcome.rejects).toEqual([{ rowNumber: 2, column: 'mail', message: 'must be an email address', raw: 'c1,nope' }]);
  });

  it('builds category paths from levels and falls back to the SKU for a missing name', () => {
    const csv = '"product_id","department","product_category","brand","price"\n"25671","GROCERY","FRZN ICE","National","2,5"\n"26081","MISC",,"National",\n';
    const plan = planImport(utf8(csv), 'products', options({
      mapping: { product_id: 'sku', department: 'category1', product_category: 'category2', brand: 'attributes.brand' },
      format: { decimalSeparator: ',' },
      defaults: { currency: 'USD' },
    }));
    expect(plan.items.map((m) => m.item)).toEqual([
      { externalId: '25671', name: '25671', price: 2.5, currency: 'USD', categories: ['GROCERY > FRZN ICE'], attributes: { brand: 'National' } },
      { externalId: '26081', name: '26081', categories: ['MISC'], attributes: { brand: 'National' } },
    ]);
  });
});
