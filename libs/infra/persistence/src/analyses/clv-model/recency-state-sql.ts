import { DEFAULT_RECENCY_LIMITS, type RecencyLimits } from '@marea/domain/analyses';

/**
 * The domain's `recencyState` as a SQL expression: the state of a customer whose last purchase is
 * `lastPurchase` as of `now` (whole days, rounded down, as the score table counts them), NULL
 * without a purchase. customer_metrics.clv_state is written with it by every refresh of the
 * figures, the ingestion batch's included, so it follows a new order at once.
 */
export function recencyStateSql(lastPurchase: string, now: string, limits: RecencyLimits = DEFAULT_RECENCY_LIMITS): string {
  const days = `floor(extract(epoch FROM ${now} - ${lastPurchase}) / 86400)`;
  return `CASE WHEN ${lastPurchase} IS NULL THEN NULL
               WHEN ${days} < ${limits.activeDays} THEN 'active'
               WHEN ${days} < ${limits.inactiveDays} THEN 'inactive'
               WHEN ${days} < ${limits.hibernatingDays} THEN 'hibernating'
               ELSE 'lost' END`;
}
