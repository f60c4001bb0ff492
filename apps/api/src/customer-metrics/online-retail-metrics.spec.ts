import { isDeepStrictEqual } from 'node:util';
import type { CustomerMetrics } from '@marea/contracts';
import { recencyState } from '@marea/domain/analyses';
import { readCustomerMetrics, refreshCustomerMetrics } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { readSharedFile, REAL_DATA_IMPORT_MS, REAL_DATA_TEST_MS } from '../imports/testing/import-api-client';
import { startImportTestApp, type ImportTestApp } from '../imports/testing/import-test-app';
import { onlineRetailReference, type ReferenceFigures } from './testing/online-retail-reference';

const FILE = 'online-retail/online_retail_subset_customerid_mod10_eq0.csv';
/** "Now" for the whole test: the day after the data set's last invoice (2011-12-09). */
const NOW = new Date('2011-12-10T00:00:00Z');

interface SummaryRow {
  external_id: string;
  customer_id: string;
  ticket_count: number;
  ticket_count_12m: number;
  revenue: string;
  revenue_12m: string;
  margin: string;
  margin_12m: string;
  average_ticket: string | null;
  average_unit_price: string | null;
  units: string;
  returns_count: number;
  first_purchase_at: Date | null;
  first_store_id: number | null;
  last_purchase_at: Date | null;
  last_activity_at: Date | null;
  primary_affinity: string | null;
  secondary_affinity: string | null;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  rfm_margin: number | null;
  rfm_segment: string | null;
  clv_state: string | null;
  predicted_clv: string | null;
  computed_at: Date;
}

/** The summary row as the reference states it, in the table's own text forms. */
function expectedRow(ref: ReferenceFigures, storeId: number) {
  return {
    external_id: ref.externalId,
    ticket_count: ref.tickets,
    ticket_count_12m: ref.tickets12m,
    revenue: ref.revenue,
    revenue_12m: ref.revenue12m,
    margin: '0.00', // the data set has no cost: an unknown margin adds 0
    margin_12m: '0.00',
    average_ticket: ref.averageTicket,
    average_unit_price: ref.averageUnitPrice,
    units: ref.units,
    returns_count: ref.returns,
    first_purchase_at: ref.firstPurchaseAt && new Date(ref.firstPurchaseAt),
    first_store_id: ref.firstPurchaseAt ? storeId : null,
    last_purchase_at: ref.lastPurchaseAt && new Date(ref.lastPurchaseAt),
    last_activity_at: new Date(ref.lastActivityAt),
    primary_affinity: null, // no product categories in the data set
    secondary_affinity: null,
    rfm_recency: ref.rfm?.recency ?? null,
    rfm_frequency: ref.rfm?.frequency ?? null,
    rfm_monetary: ref.rfm?.monetary ?? null,
    rfm_margin: ref.rfm?.margin ?? null,
    rfm_segment: ref.rfm?.segment ?? null,
    // The recency state of docs/clv.md, by the domain's rule on the reference's last purchase.
    clv_state: ref.lastPurchaseAt ? recencyState(Math.floor((NOW.getTime() - Date.parse(ref.lastPurchaseAt)) / 86_400_000)) : null,
    predicted_clv: null,
  };
}

/** The profile's answer as the reference states it. */
function expectedProfile(ref: ReferenceFigures, customerId: string, storeId: number): CustomerMetrics {
  const days = (at: string) => Math.floor((NOW.getTime() - Date.parse(at)) / 86_400_000);
  return {
    customerId,
    currency: 'GBP',
    asOf: NOW.toISOString(),
    tickets: { allTime: ref.tickets, last12Months: ref.tickets12m },
    revenue: { allTime: Number(ref.revenue), last12Months: Number(ref.revenue12m) },
    margin: { allTime: 0, last12Months: 0 },
    averageTicket: ref.averageTicket === null ? null : Number(ref.averageTicket),
    averageUnitPrice: ref.averageUnitPrice === null ? null : Number(ref.averageUnitPrice),
    returns: ref.returns,
    firstPurchase: ref.firstPurchaseAt
      ? { at: ref.firstPurchaseAt, storeId, storeName: 'UK web shop', tenureDays: days(ref.firstPurchaseAt) }
      : null,
    lastPurchase: ref.lastPurchaseAt ? { at: ref.lastPurchaseAt, daysSince: days(ref.lastPurchaseAt) } : null,
    lastActivityAt: ref.lastActivityAt,
    affinity: { primary: null, secondary: null, minimumTickets: 3 },
    rfm: ref.rfm && { ...ref.rfm, segment: ref.rfm.segment as never, computedAt: NOW.toISOString() },
    clv: null, // no CLV model is fitted here
  };
}

describe('customer metrics of UCI Online Retail, checked against an independent computation from the raw rows', () => {
  const db = useTestDatabase();
  let test: ImportTestApp;
  let reference: Map<string, ReferenceFigures>;
  let storeId: number;

  beforeAll(async () => {
    test = await startImportTestApp(db());
    await test.ingestion.updateAccount({ name: 'Online Retail', currency: 'GBP', timezone: 'Europe/London' });
    await test.ingestion.upsertStores([
      { externalId: 'uk-web', name: 'UK web shop', channel: 'ecommerce', currency: 'GBP', timezone: 'Europe/London' },
    ]);
    const job = await test.api.importFile(
      { entity: 'orders', file: readSharedFile(FILE), mapping: { CustomerID: 'customerId', Country: null }, defaults: { storeId: 'uk-web' }, format: { timezone: 'Europe/London' } },
      REAL_DATA_IMPORT_MS,
    );
    expect(job).toMatchObject({ status: 'completed', acceptedRows: 36_378, rejectedRows: 0 });
    [{ id: storeId }] = await db().dataSource.query(`SELECT id FROM stores WHERE external_id = 'uk-web'`);
    const ids: { id: string; external_id: string }[] = await db().dataSource.query(`SELECT id::text AS id, external_id FROM customers`);
    const idOf = new Map(ids.map((row) => [row.external_id, row.id]));
    reference = onlineRetailReference(readSharedFile(FILE), NOW, (externalId) => idOf.get(externalId) as string);
  }, REAL_DATA_TEST_MS);
  afterAll(() => test?.close());

  it('has a summary row, scored, for every customer as soon as the import completes', async () => {
    const [summary] = await db().dataSource.query(
      `SELECT count(*)::int AS rows, count(rfm_segment)::int AS scored, (SELECT customers FROM rfm_runs) AS dealt FROM customer_metrics`,
    );
    const withTickets = [...reference.values()].filter((figures) => figures.tickets > 0).length;
    expect(summary).toEqual({ rows: 445, scored: withTickets, dealt: withTickets });
  });

  it('computes every figure of every customer in customer_metrics as the reference does', async () => {
    await refreshCustomerMetrics(db().dataSource, NOW);
    const rows: SummaryRow[] = await db().dataSource.query(
      `SELECT c.external_id, m.* FROM customer_metrics m JOIN customers c ON c.id = m.customer_id ORDER BY c.external_id`,
    );
    expect(rows).toHaveLength(reference.size);
    const mismatches = rows.filter((row) => {
      const { customer_id: _, computed_at: __, ...figures } = row;
      return !isDeepStrictEqual(figures, expectedRow(reference.get(row.external_id) as ReferenceFigures, storeId));
    });
    expect(mismatches.slice(0, 3).map((row) => ({ row, expected: expectedRow(reference.get(row.external_id) as ReferenceFigures, storeId) }))).toEqual([]);
    expect(rows.every((row) => row.computed_at.getTime() === NOW.getTime())).toBe(true);

    // The reference is not trivially empty: the data set has repeat buyers, returners and every segment size.
    const figures = [...reference.values()];
    expect(figures.filter((f) => f.tickets >= 3).length).toBeGreaterThan(100);
    expect(figures.filter((f) => f.returns > 0).length).toBeGreaterThan(50);
    expect(figures.filter((f) => f.tickets12m < f.tickets).length).toBeGreaterThan(10);
    expect(new Set(figures.map((f) => f.rfm?.segment)).size).toBeGreaterThan(8);
  }, REAL_DATA_TEST_MS);

  it('answers the live profile figures of every customer as the reference does', async () => {
    const ids: { id: string; external_id: string }[] = await db().dataSource.query(`SELECT id::text AS id, external_id FROM customers`);
    const mismatches: unknown[] = [];
    for (const { id, external_id } of ids) {
      const live = await readCustomerMetrics(db().dataSource, id, NOW);
      const expected = expectedProfile(reference.get(external_id) as ReferenceFigures, id, storeId);
      if (!isDeepStrictEqual(live, expected)) mismatches.push({ live, expected });
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
  }, REAL_DATA_TEST_MS);

  it('sums to the data set\'s published totals', async () => {
    const [totals] = await db().dataSource.query(`SELECT sum(revenue)::text AS net, sum(returns_count)::int AS returns FROM customer_metrics`);
    expect(totals).toEqual({ net: '811414.33', returns: 300 });
  });
});
