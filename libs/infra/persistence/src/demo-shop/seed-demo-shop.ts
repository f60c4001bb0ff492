import type { ClientBase } from 'pg';
import { createDemoShop } from '@marea/domain/demo-shop';
import { refreshCustomerMetricsOnClient } from '../customer-metrics/refresh-whole-base';
import { loadDemoShop, type DemoShopLoadReport, type LoadOptions } from './load-demo-shop';

export interface SeedDemoShopOptions extends LoadOptions {
  readonly customers: number;
  readonly seed: number;
  /** End of the shop's history; defaults to the start of the current hour. */
  readonly now?: Date;
  /** Empty the shop tables first (customers, orders, products, stores …). */
  readonly reset?: boolean;
}

export type SeedOutcome =
  | { readonly seeded: true; readonly report: DemoShopLoadReport }
  | { readonly seeded: false; readonly reason: 'not-empty'; readonly existing: Record<string, number> };

/** Every table a reset empties; users (people who sign in) are kept. */
const SHOP_TABLES = [
  'events', 'favourites', 'cart_items', 'carts', 'order_lines', 'orders', 'consent_changes', 'consents',
  'customer_identities', 'customers', 'product_categories', 'products', 'categories', 'currency_rates', 'stores',
];

/** Any number: the lock only has to be the same for every Marea process. */
const SEED_LOCK = 0x4d617265; // "Mare"

/**
 * Seeds the demo shop in one transaction, so a crash leaves nothing half-loaded and the next
 * start tries again. An advisory lock makes concurrent starts queue; whoever comes second finds
 * the data and skips. A database that already holds shop data is never touched unless `reset`.
 */
export async function seedDemoShop(client: ClientBase, options: SeedDemoShopOptions): Promise<SeedOutcome> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (options.reset) {
      await client.query(`TRUNCATE ${SHOP_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    } else {
      const existing = await existingShopData(client);
      if (Object.values(existing).some((count) => count > 0)) {
        await client.query('ROLLBACK');
        return { seeded: false, reason: 'not-empty', existing };
      }
    }
    const now = options.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const shop = createDemoShop({ seed: options.seed, customers: options.customers, now });
    const report = await loadDemoShop(client, shop, options);
    await refreshCustomerMetricsOnClient(client, now);
    await client.query('COMMIT');
    return { seeded: true, report };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Rows already in the tables a seed would fill. */
export async function existingShopData(client: ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM customers)::int AS customers,
            (SELECT count(*) FROM orders)::int AS orders,
            (SELECT count(*) FROM products)::int AS products,
            (SELECT count(*) FROM stores)::int AS stores`,
  );
  return rows[0];
}
