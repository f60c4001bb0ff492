import { ClvScoreTable, ClvState, type ClvStateLimits } from '@marea/contracts';
import type { SqlQuery } from '../ingestion/sql-query';

interface StateRow {
  state: string;
  customers: number;
  tickets: number;
  total_spend: string;
  mean_recency_days: string;
}

/**
 * The CLV score table in one set-based statement over the customers with at least one purchase
 * as of $1, with the purchase definitions of docs/customer-metrics.md: purchases are sales not
 * cancelled; spend is the net revenue (returns subtract, cancelled orders count for nothing) in
 * the account currency; a ticket is a distinct local day (store time zone) of purchases; recency
 * is whole days from the last purchase to $1. $2–$4 are the state limits.
 */
const scoreTableSql = `
  WITH counted AS (
    SELECT o.customer_id, o.kind, o.ordered_at, o.total_account, (o.ordered_at AT TIME ZONE s.timezone)::date AS local_day
    FROM orders o JOIN stores s ON s.id = o.store_id
    WHERE o.status <> 'cancelled' AND o.ordered_at <= $1::timestamptz
  ),
  per_customer AS (
    SELECT customer_id,
           count(DISTINCT local_day) FILTER (WHERE kind = 'sale') AS tickets,
           coalesce(sum(total_account), 0) AS spend,
           floor(extract(epoch FROM $1::timestamptz - max(ordered_at) FILTER (WHERE kind = 'sale')) / 86400)::int AS recency_days
    FROM counted GROUP BY customer_id
    HAVING count(*) FILTER (WHERE kind = 'sale') > 0
  ),
  classified AS (
    SELECT *, CASE WHEN recency_days < $2 THEN 'active'
                   WHEN recency_days < $3 THEN 'inactive'
                   WHEN recency_days < $4 THEN 'hibernating'
                   ELSE 'lost' END AS state
    FROM per_customer
  )
  SELECT state, count(*)::int AS customers, sum(tickets)::int AS tickets, sum(spend)::text AS total_spend,
         round(avg(recency_days), 2)::text AS mean_recency_days
  FROM classified GROUP BY state`;

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const ratio = (part: number, whole: number, decimals = 2): number | null => (whole === 0 ? null : round(part / whole, decimals));

/**
 * The customers with a purchase by recency state as of `asOf` — customers, tickets, average
 * ticket, mean recency, total spend, tickets and spend per customer, share of customers and of
 * revenue — with every state present (zeros for an empty one), validated against the contract.
 */
export async function readClvScoreTable(sql: SqlQuery, limits: ClvStateLimits, asOf: Date): Promise<ClvScoreTable> {
  const rows = await sql<StateRow>(scoreTableSql, [asOf, limits.activeDays, limits.inactiveDays, limits.hibernatingDays]);
  const [{ currency }] = await sql<{ currency: string }>('SELECT currency FROM account');
  const byState = new Map(rows.map((row) => [row.state, row]));
  const total = {
    customers: rows.reduce((sum, row) => sum + row.customers, 0),
    tickets: rows.reduce((sum, row) => sum + row.tickets, 0),
    totalSpend: round(rows.reduce((sum, row) => sum + Number(row.total_spend), 0), 2),
  };
  const states = ClvState.options.map((state) => {
    const row = byState.get(state);
    const customers = row?.customers ?? 0;
    const tickets = row?.tickets ?? 0;
    const spend = Number(row?.total_spend ?? 0);
    return {
      state,
      customers,
      tickets,
      averageTicket: ratio(spend, tickets),
      meanRecencyDays: row ? Number(row.mean_recency_days) : null,
      totalSpend: round(spend, 2),
      ticketsPerCustomer: ratio(tickets, customers),
      spendPerCustomer: ratio(spend, customers),
      customerShare: ratio(customers, total.customers, 4) ?? 0,
      revenueShare: ratio(spend, total.totalSpend, 4),
    };
  });
  return ClvScoreTable.parse({ computedAt: asOf.toISOString(), currency, limits, states, total });
}
