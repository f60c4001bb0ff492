/**
 * SQL for the customer a link's customer id stands for today. Links in mail already sent carry
 * the id the customer had then; when that profile was later merged into another, the id resolves
 * to the survivor (`customer_merges` always points at the final one), so an unsubscribe or a
 * click of a merged-away profile lands on the person, not nowhere.
 */
export function currentCustomerIdSql(parameter: string): string {
  return `COALESCE((SELECT survivor_id FROM customer_merges WHERE absorbed_id = ${parameter}::bigint), ${parameter}::bigint)`;
}
