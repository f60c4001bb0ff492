import type { CartLineRow, FavouriteRow } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';

interface CartHeader {
  externalId: string;
  customerId: string;
  storeId: number | null;
  firstAt: string;
  lastAt: string;
}

function cartHeaders(lines: CartLineRow[]): CartHeader[] {
  const carts = new Map<string, CartHeader>();
  for (const line of lines) {
    const cart = carts.get(line.cartExternalId);
    if (!cart) {
      carts.set(line.cartExternalId, { externalId: line.cartExternalId, customerId: line.customerId, storeId: line.storeId, firstAt: line.firstAt, lastAt: line.lastAt });
      continue;
    }
    cart.storeId = line.storeId ?? cart.storeId;
    if (Date.parse(line.firstAt) < Date.parse(cart.firstAt)) cart.firstAt = line.firstAt;
    if (Date.parse(line.lastAt) > Date.parse(cart.lastAt)) cart.lastAt = line.lastAt;
  }
  return [...carts.values()];
}

/**
 * Applies a batch's net cart and favourite changes set-based. The carts are upserted first,
 * which locks them until commit; the lines are then computed from the stored quantities in a
 * second statement, whose snapshot already includes any batch that held those locks before us,
 * so concurrent batches on the same cart add up instead of overwriting each other.
 */
export async function applyShopperChanges(sql: SqlQuery, lines: CartLineRow[], favourites: FavouriteRow[]): Promise<void> {
  if (lines.length) {
    const carts = cartHeaders(lines);
    const cartIds = await sql<{ id: string; external_id: string }>(
      `INSERT INTO carts AS c (external_id, customer_id, store_id, created_at, updated_at)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::integer[], $4::timestamptz[], $5::timestamptz[]) ORDER BY 1
       ON CONFLICT (external_id) DO UPDATE
         SET updated_at = greatest(c.updated_at, EXCLUDED.updated_at),
             store_id = coalesce(EXCLUDED.store_id, c.store_id),
             status = CASE WHEN c.status = 'abandoned' THEN 'open' ELSE c.status END
       RETURNING c.id::text AS id, c.external_id`,
      [carts.map((c) => c.externalId), carts.map((c) => c.customerId), carts.map((c) => c.storeId), carts.map((c) => c.firstAt), carts.map((c) => c.lastAt)],
    );
    const idOf = new Map(cartIds.map((row) => [row.external_id, row.id]));
    await sql(
      `WITH ch AS (
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::boolean[], $4::numeric[], $5::numeric[], $6::timestamptz[])
           AS ch(cart_id, product_id, reset, delta, unit_price, first_at)
       ),
       next AS (
         SELECT ch.cart_id, ch.product_id,
                CASE WHEN ch.reset THEN 0 ELSE coalesce(ci.quantity, 0) END + ch.delta AS quantity,
                coalesce(ch.unit_price, ci.unit_price, p.price, 0) AS unit_price,
                coalesce(CASE WHEN ch.reset THEN NULL ELSE ci.added_at END, ch.first_at) AS added_at
         FROM ch
         JOIN products p ON p.id = ch.product_id
         LEFT JOIN cart_items ci ON ci.cart_id = ch.cart_id AND ci.product_id = ch.product_id
       ),
       removed AS (
         DELETE FROM cart_items ci USING next
         WHERE ci.cart_id = next.cart_id AND ci.product_id = next.product_id AND next.quantity <= 0
       )
       INSERT INTO cart_items (cart_id, product_id, quantity, unit_price, added_at)
       SELECT cart_id, product_id, quantity, unit_price, added_at FROM next WHERE quantity > 0 ORDER BY 1, 2
       ON CONFLICT (cart_id, product_id) DO UPDATE
         SET quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, added_at = EXCLUDED.added_at`,
      [
        lines.map((l) => idOf.get(l.cartExternalId)),
        lines.map((l) => l.productId),
        lines.map((l) => l.reset),
        lines.map((l) => String(l.delta)),
        lines.map((l) => (l.unitPrice === undefined ? null : String(l.unitPrice))),
        lines.map((l) => l.firstAt),
      ],
    );
  }
  if (favourites.length) {
    // An unfavourite removes only a favourite added before it, so a late-arriving old event cannot undo a newer one.
    await sql(
      `WITH f AS (
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::boolean[], $4::timestamptz[]) AS f(customer_id, product_id, favourite, at)
       ),
       removed AS (
         DELETE FROM favourites fv USING f
         WHERE NOT f.favourite AND fv.customer_id = f.customer_id AND fv.product_id = f.product_id AND fv.added_at <= f.at
       )
       INSERT INTO favourites (customer_id, product_id, added_at)
       SELECT customer_id, product_id, at FROM f WHERE favourite ORDER BY 1, 2
       ON CONFLICT (customer_id, product_id) DO NOTHING`,
      [favourites.map((f) => f.customerId), favourites.map((f) => f.productId), favourites.map((f) => f.favourite), favourites.map((f) => f.at)],
    );
  }
}
