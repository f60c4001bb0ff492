import type { CustomerClv } from '@marea/contracts';

/** The columns of customer_clv a reader selects (alias `cc`), named as `customerClvFromRow` reads them. */
export const CUSTOMER_CLV_COLUMNS = `cc.fit_id::text AS clv_fit_id, cc.expected_purchases_12m AS clv_expected_purchases_12m,
  cc.probability_alive AS clv_probability_alive, cc.expected_average_order_value::text AS clv_expected_average_order_value,
  cc.clv_12m::text AS clv_12m, cc.expected_next_order_at AS clv_expected_next_order_at, cc.computed_at AS clv_computed_at`;

export interface CustomerClvRow {
  clv_fit_id?: string | null;
  clv_expected_purchases_12m?: number | null;
  clv_probability_alive?: number | null;
  clv_expected_average_order_value?: string | null;
  clv_12m?: string | null;
  clv_expected_next_order_at?: Date | null;
  clv_computed_at?: Date | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A customer's model-based CLV from a row with CUSTOMER_CLV_COLUMNS; null before any fit scored them. */
export function customerClvFromRow(row: CustomerClvRow): CustomerClv | null {
  if (row.clv_fit_id == null || row.clv_computed_at == null) return null;
  return {
    expectedPurchases12m: round(row.clv_expected_purchases_12m ?? 0, 4),
    probabilityAlive: round(row.clv_probability_alive ?? 0, 4),
    expectedAverageOrderValue: Number(row.clv_expected_average_order_value),
    clv12m: Number(row.clv_12m),
    expectedNextOrderAt: row.clv_expected_next_order_at?.toISOString() ?? null,
    computedAt: row.clv_computed_at.toISOString(),
    fitId: row.clv_fit_id,
  };
}
