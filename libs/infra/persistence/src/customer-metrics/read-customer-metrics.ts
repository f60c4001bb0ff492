import type { DataSource } from 'typeorm';
import { CustomerMetrics, RfmSegmentName } from '@marea/contracts';
import type { CustomerVisibility } from '@marea/domain/access';
import { AFFINITY_MINIMUM_TICKETS, elapsedDays, pickAffinities } from '@marea/domain/customer-metrics';
import { customerVisibilitySql } from '../access/customer-visibility-sql';
import { withPgClient } from '../database/with-pg-client';
import { CUSTOMER_CLV_COLUMNS, customerClvFromRow, type CustomerClvRow } from '../analyses/clv-model/read-customer-clv';
import { customerFiguresSql, type CustomerFiguresRow } from './customer-figures-sql';

type ProfileRow = Partial<CustomerFiguresRow> & CustomerClvRow & {
  id: string;
  currency: string;
  first_store_name: string | null;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  rfm_margin: number | null;
  rfm_segment: string | null;
  rfm_computed_at: Date | null;
};

// The figures are computed live for the one customer (index-driven: the customer's orders, their
// lines, events and consent changes); the RFM scores are read from customer_metrics because
// quintiles only exist relative to the whole base.
const profileSql = (visible: string) => `
  WITH figures AS (${customerFiguresSql('listed', 'spends')})
  SELECT c.id::text AS id, (SELECT currency FROM account) AS currency,
         f.ticket_count, f.ticket_count_12m, f.revenue, f.revenue_12m, f.margin, f.margin_12m,
         f.average_ticket, f.average_unit_price, f.units, f.returns_count, f.first_purchase_at,
         f.first_store_id, st.name AS first_store_name, f.last_purchase_at, f.last_activity_at,
         f.line_spend, f.category_spends,
         m.rfm_recency, m.rfm_frequency, m.rfm_monetary, m.rfm_margin, m.rfm_segment,
         (SELECT computed_at FROM rfm_runs) AS rfm_computed_at, ${CUSTOMER_CLV_COLUMNS}
  FROM customers c
  LEFT JOIN figures f ON f.customer_id = c.id
  LEFT JOIN stores st ON st.id = f.first_store_id
  LEFT JOIN customer_metrics m ON m.customer_id = c.id
  LEFT JOIN customer_clv cc ON cc.customer_id = c.id
  WHERE c.id = ($2::bigint[])[1] AND ${visible}`;

const amount = (text: string | null | undefined): number => (text == null ? 0 : Number(text));
const optionalAmount = (text: string | null | undefined): number | null => (text == null ? null : Number(text));

/**
 * One customer's purchase metrics as of `asOf`, computed live from their orders; null when
 * there is no such customer, or none the asker may see (a manager sees their own customers).
 * The result is validated against the contract before it leaves.
 */
export async function readCustomerMetrics(
  dataSource: DataSource,
  customerId: string,
  asOf: Date,
  visibility: CustomerVisibility = { kind: 'all' },
): Promise<CustomerMetrics | null> {
  const parameters: unknown[] = [asOf, [customerId]];
  const visible = customerVisibilitySql(visibility, 'c', parameters);
  // Prepared once per connection (one name per visibility, each with its own text): planning
  // this statement costs as much as running it for a typical customer.
  const [row] = await withPgClient(dataSource, async (client) =>
    (await client.query<ProfileRow>({ name: `customer-metrics-profile-${visibility.kind}`, text: profileSql(visible), values: parameters })).rows,
  );
  if (!row) return null;
  const tickets = row.ticket_count ?? 0;
  const spends = (row.category_spends ?? []).map((entry) => ({ value: entry.value, spend: Number(entry.spend) }));
  const affinity = pickAffinities(spends, amount(row.line_spend), tickets);
  return CustomerMetrics.parse({
    customerId: row.id,
    currency: row.currency.trim(),
    asOf: asOf.toISOString(),
    tickets: { allTime: tickets, last12Months: row.ticket_count_12m ?? 0 },
    revenue: { allTime: amount(row.revenue), last12Months: amount(row.revenue_12m) },
    margin: { allTime: amount(row.margin), last12Months: amount(row.margin_12m) },
    averageTicket: optionalAmount(row.average_ticket),
    averageUnitPrice: optionalAmount(row.average_unit_price),
    returns: row.returns_count ?? 0,
    firstPurchase:
      row.first_purchase_at && row.first_store_id != null
        ? {
            at: row.first_purchase_at.toISOString(),
            storeId: row.first_store_id,
            storeName: row.first_store_name ?? '',
            tenureDays: elapsedDays(row.first_purchase_at, asOf),
          }
        : null,
    lastPurchase: row.last_purchase_at
      ? { at: row.last_purchase_at.toISOString(), daysSince: elapsedDays(row.last_purchase_at, asOf) }
      : null,
    lastActivityAt: row.last_activity_at?.toISOString() ?? null,
    affinity: { ...affinity, minimumTickets: AFFINITY_MINIMUM_TICKETS },
    rfm: rfmOf(row, tickets),
    clv: customerClvFromRow(row),
  });
}

function rfmOf(row: ProfileRow, tickets: number): CustomerMetrics['rfm'] {
  const { rfm_recency: recency, rfm_frequency: frequency, rfm_monetary: monetary, rfm_margin: margin } = row;
  // Scores are dealt hourly over the whole base; a customer whose first purchase came since has none yet.
  if (tickets === 0 || recency == null || frequency == null || monetary == null || margin == null || !row.rfm_computed_at) return null;
  return {
    recency,
    frequency,
    monetary,
    margin,
    segment: RfmSegmentName.parse(row.rfm_segment),
    computedAt: row.rfm_computed_at.toISOString(),
  };
}
