import type { CustomerVisibility } from '@marea/domain/access';

/**
 * The WHERE condition that keeps a customer query to what a principal may see. Append it to
 * every query of customers, with the customers' alias and the query's parameter list:
 *
 *   const params: unknown[] = [search];
 *   const visible = customerVisibilitySql(customerVisibility(principal), 'c', params);
 *   sql(`SELECT … FROM customers c WHERE c.email ILIKE $1 AND ${visible}`, params);
 *
 * The manager's id travels as a parameter, never as text in the SQL.
 */
export function customerVisibilitySql(visibility: CustomerVisibility, customersAlias: string, params: unknown[]): string {
  if (visibility.kind === 'all') return 'true';
  params.push(visibility.userId);
  return `${customersAlias}.manager_id = $${params.length}`;
}
