import type { DataSource } from 'typeorm';
import type { CustomerProfile, OrderView } from '@marea/contracts';
import { readOrderViews } from './order-views';

/** A purchase as docs/customer-metrics.md defines it: a sale that is not cancelled. */
const PURCHASE = `o.kind = 'sale' AND o.status <> 'cancelled'`;
const LAST_PRODUCTS = 12;

/** The customer's newest purchase with its lines. */
export async function readLastOrder(dataSource: DataSource, customerId: string): Promise<OrderView | null> {
  const [row]: { id: string }[] = await dataSource.query(
    `SELECT o.id::text FROM orders o WHERE o.customer_id = $1 AND ${PURCHASE} ORDER BY o.ordered_at DESC, o.id DESC LIMIT 1`,
    [customerId],
  );
  if (!row) return null;
  return (await readOrderViews(dataSource, [row.id])).get(row.id) ?? null;
}

/**
 * The distinct products of the customer's newest purchases, newest first. Only the 50 newest
 * purchases are read (through the orders' per-customer index), which is plenty for 12 products.
 */
export async function readLastProducts(dataSource: DataSource, customerId: string): Promise<CustomerProfile['lastProducts']> {
  const rows: { product_id: string; sku: string; name: string; image_url: string | null; bought_at: Date }[] = await dataSource.query(
    `WITH recent AS (
       SELECT o.id, o.ordered_at FROM orders o WHERE o.customer_id = $1 AND ${PURCHASE} ORDER BY o.ordered_at DESC LIMIT 50
     ),
     bought AS (
       SELECT l.product_id, max(r.ordered_at) AS bought_at FROM recent r JOIN order_lines l ON l.order_id = r.id GROUP BY l.product_id
     )
     SELECT p.id::text AS product_id, p.external_id AS sku, p.name, p.image_url, b.bought_at
     FROM bought b JOIN products p ON p.id = b.product_id
     ORDER BY b.bought_at DESC, p.id LIMIT $2`,
    [customerId, LAST_PRODUCTS],
  );
  return rows.map((row) => ({
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    imageUrl: row.image_url,
    boughtAt: row.bought_at.toISOString(),
  }));
}
