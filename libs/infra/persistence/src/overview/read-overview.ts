import type { DataSource } from 'typeorm';
import { Overview } from '@marea/contracts';

interface OverviewRow {
  account_name: string;
  currency: string;
  customers: string;
  products: string;
  stores: string;
  orders_all: string;
  revenue_all: string;
  orders_12m: string;
  revenue_12m: string;
  events_30d: string;
  last_order_at: Date | null;
  months: { month: string; orders: number; revenue: string | number }[];
}

// One statement, so every figure is read from the same snapshot. Revenue is net (returns are
// negative orders) and skips cancelled orders; the order count counts sales only. Months are
// calendar months in the account's time zone; the rolling 12-month window ends at $1.
const OVERVIEW_SQL = `
  WITH params AS (SELECT $1::timestamptz AS as_of, (SELECT timezone FROM account) AS tz),
  counted AS (
    SELECT kind, ordered_at, total_account FROM orders WHERE status <> 'cancelled' AND ordered_at <= (SELECT as_of FROM params)
  ),
  month_series AS (
    SELECT to_char(m, 'YYYY-MM') AS month
    FROM params,
      generate_series(date_trunc('month', as_of AT TIME ZONE tz) - interval '11 months',
                      date_trunc('month', as_of AT TIME ZONE tz), interval '1 month') AS m
  ),
  monthly AS (
    SELECT to_char(date_trunc('month', ordered_at AT TIME ZONE (SELECT tz FROM params)), 'YYYY-MM') AS month,
           count(*) FILTER (WHERE kind = 'sale') AS orders,
           coalesce(sum(total_account), 0) AS revenue
    FROM counted
    WHERE ordered_at >= (SELECT (date_trunc('month', as_of AT TIME ZONE tz) - interval '11 months') AT TIME ZONE tz FROM params)
    GROUP BY 1
  )
  SELECT
    a.name AS account_name,
    a.currency,
    (SELECT count(*) FROM customers) AS customers,
    (SELECT count(*) FROM products) AS products,
    (SELECT count(*) FROM stores) AS stores,
    (SELECT count(*) FILTER (WHERE kind = 'sale') FROM counted) AS orders_all,
    (SELECT coalesce(sum(total_account), 0) FROM counted) AS revenue_all,
    (SELECT count(*) FILTER (WHERE kind = 'sale') FROM counted, params
       WHERE ordered_at > as_of - interval '12 months') AS orders_12m,
    (SELECT coalesce(sum(total_account), 0) FROM counted, params
       WHERE ordered_at > as_of - interval '12 months') AS revenue_12m,
    (SELECT count(*) FROM events, params
       WHERE occurred_at > as_of - interval '30 days' AND occurred_at <= as_of) AS events_30d,
    (SELECT max(ordered_at) FROM counted WHERE kind = 'sale') AS last_order_at,
    (SELECT json_agg(json_build_object('month', s.month, 'orders', coalesce(m.orders, 0),
                                       'revenue', coalesce(m.revenue, 0)) ORDER BY s.month)
       FROM month_series s LEFT JOIN monthly m USING (month)) AS months
  FROM account a
`;

/**
 * The Overview dashboard's figures as of `asOf`, validated against the contract the API
 * documents (pg returns counts and numerics as strings; they become numbers here).
 */
export async function readOverview(dataSource: DataSource, asOf: Date = new Date()): Promise<Overview> {
  const [row]: OverviewRow[] = await dataSource.query(OVERVIEW_SQL, [asOf.toISOString()]);
  return Overview.parse({
    accountName: row.account_name,
    currency: row.currency.trim(),
    asOf: asOf.toISOString(),
    customers: Number(row.customers),
    products: Number(row.products),
    stores: Number(row.stores),
    allTime: { orders: Number(row.orders_all), revenue: Number(row.revenue_all) },
    last12Months: { orders: Number(row.orders_12m), revenue: Number(row.revenue_12m) },
    eventsLast30Days: Number(row.events_30d),
    lastOrderAt: row.last_order_at ? new Date(row.last_order_at).toISOString() : null,
    months: row.months.map((month) => ({ month: month.month, orders: Number(month.orders), revenue: Number(month.revenue) })),
  });
}
