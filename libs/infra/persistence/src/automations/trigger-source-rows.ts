import type { DataSource } from 'typeorm';
import type { AbandonedCart, CustomerChange } from '@marea/engine/automations';

/** The occurrence key of a cart version, as the abandoned-cart source builds it (`cart:<id>:<version>`). */
const CART_VERSION = `(extract(epoch FROM c.updated_at) * 1000000)::bigint::text`;

/**
 * Open carts with lines, last touched in (`notBefore`, `quietSince`], no sale from the customer
 * since, and whose version has no entry decision in the automation yet. Served by
 * `carts_open_idx` (open carts by last activity).
 */
export async function readAbandonedCarts(dataSource: DataSource, automationId: string, quietSince: Date, notBefore: Date, limit: number): Promise<AbandonedCart[]> {
  const rows = await dataSource.query<
    { id: string; external_id: string; customer_id: string; updated_at: Date; version: string; currency: string; lines: AbandonedCart['lines'] }[]
  >(
    `SELECT c.id::text, c.external_id, c.customer_id::text, c.updated_at, ${CART_VERSION} AS version,
            trim(coalesce(s.currency, a.currency)) AS currency,
            (SELECT json_agg(json_build_object('sku', p.external_id, 'name', p.name, 'imageUrl', p.image_url,
                                               'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.added_at, p.id)
             FROM cart_items i JOIN products p ON p.id = i.product_id WHERE i.cart_id = c.id) AS lines
     FROM carts c CROSS JOIN account a LEFT JOIN stores s ON s.id = c.store_id
     WHERE c.status = 'open' AND c.updated_at <= $2 AND c.updated_at > $3
       AND EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.kind = 'sale' AND o.ordered_at >= c.updated_at)
       AND NOT EXISTS (SELECT 1 FROM automation_decisions d
                       WHERE d.automation_id = $1 AND d.customer_id = c.customer_id AND d.step_id = '$entry'
                         AND d.occurrence = 'cart:' || c.id || ':' || ${CART_VERSION})
     ORDER BY c.updated_at, c.id
     LIMIT $4`,
    [automationId, quietSince, notBefore, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    updatedAt: row.updated_at,
    version: row.version,
    currency: row.currency,
    lines: row.lines.map((line) => ({ ...line, quantity: Number(line.quantity), unitPrice: Number(line.unitPrice) })),
  }));
}

/**
 * Profile changes after a position, in commit-safe order: by (transaction id, row id), and only
 * from transactions older than every one still running, so a change whose transaction commits
 * late cannot land behind the cursor (the segment feed's rule).
 */
export async function readCustomerChanges(dataSource: DataSource, position: string | null, limit: number): Promise<CustomerChange[]> {
  const [tx, id] = (position ?? '0:0').split(':');
  const rows = await dataSource.query<{ tx: string; id: string; customer_id: string; changes: CustomerChange['changes']; at: Date }[]>(
    `SELECT f.tx::text, f.id::text, f.customer_id::text, f.changes, f.at FROM customer_change_feed f
     WHERE (f.tx, f.id) > ($1::xid8, $2::bigint) AND f.tx < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY f.tx, f.id
     LIMIT $3`,
    [tx, id, limit],
  );
  return rows.map((row) => ({ position: `${row.tx}:${row.id}`, customerId: row.customer_id, changes: row.changes, at: row.at }));
}

export async function latestCustomerChangePosition(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ position: string | null }[]>(
    `SELECT tx::text || ':' || id::text AS position FROM customer_change_feed ORDER BY tx DESC, id DESC LIMIT 1`,
  );
  return row?.position ?? '0:0';
}
