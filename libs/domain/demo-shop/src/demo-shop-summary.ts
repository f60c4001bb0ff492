import type { CustomerHistory } from './demo-shop-rows';

/** Row counts per table: what a load of the shop must leave in the database. */
export interface RowCounts {
  customers: number;
  customerIdentities: number;
  consents: number;
  consentChanges: number;
  orders: number;
  orderLines: number;
  returns: number;
  carts: number;
  cartItems: number;
  favourites: number;
  events: number;
}

export function emptyRowCounts(): RowCounts {
  return { customers: 0, customerIdentities: 0, consents: 0, consentChanges: 0, orders: 0, orderLines: 0, returns: 0, carts: 0, cartItems: 0, favourites: 0, events: 0 };
}

/** Adds one customer's rows to `counts`; identities are the external id, email and phone. */
export function countHistory(counts: RowCounts, history: CustomerHistory): RowCounts {
  const { customer } = history;
  counts.customers++;
  counts.customerIdentities += 1 + (customer.email ? 1 : 0) + (customer.phone ? 1 : 0);
  counts.consents += history.consents.length;
  counts.consentChanges += history.consentChanges.length;
  counts.orders += history.orders.length;
  for (const order of history.orders) {
    counts.orderLines += order.lines.length;
    if (order.kind === 'return') counts.returns++;
  }
  counts.carts += history.carts.length;
  for (const cart of history.carts) counts.cartItems += cart.items.length;
  counts.favourites += history.favourites.length;
  counts.events += history.events.length;
  return counts;
}
