import type { DataSource } from 'typeorm';
import type { Favourites, OpenCart } from '@marea/contracts';

interface CartRow {
  currency: string;
  updated_at: Date;
  items: { product_id: string; sku: string; name: string; image_url: string | null; quantity: string; unit_price: string }[];
}

interface FavouriteRow {
  product_id: string;
  sku: string;
  name: string;
  image_url: string | null;
  price: string | null;
  currency: string | null;
  added_at: Date;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The customer's newest open cart, valued in its store's currency (the account's without a store). */
export async function readOpenCart(dataSource: DataSource, customerId: string): Promise<OpenCart | null> {
  const [row]: CartRow[] = await dataSource.query(
    `SELECT trim(coalesce(s.currency, a.currency)) AS currency, c.updated_at,
            coalesce((SELECT json_agg(json_build_object('product_id', p.id::text, 'sku', p.external_id, 'name', p.name,
                                                        'image_url', p.image_url, 'quantity', i.quantity, 'unit_price', i.unit_price)
                                      ORDER BY i.added_at DESC, p.id)
                      FROM cart_items i JOIN products p ON p.id = i.product_id WHERE i.cart_id = c.id), '[]') AS items
     FROM carts c CROSS JOIN account a LEFT JOIN stores s ON s.id = c.store_id
     WHERE c.customer_id = $1 AND c.status = 'open'
     ORDER BY c.updated_at DESC LIMIT 1`,
    [customerId],
  );
  if (!row || row.items.length === 0) return null;
  const items = row.items.map((item) => {
    const quantity = Number(item.quantity);
    const unitPrice = Number(item.unit_price);
    return {
      productId: item.product_id,
      sku: item.sku,
      name: item.name,
      imageUrl: item.image_url,
      quantity,
      unitPrice,
      value: round2(quantity * unitPrice),
    };
  });
  return { currency: row.currency, updatedAt: row.updated_at.toISOString(), value: round2(items.reduce((sum, item) => sum + item.value, 0)), items };
}

/**
 * Favourites at their catalogue price, newest first. `value` sums the prices in the account
 * currency (a product without a currency is priced in it); a product priced in another
 * currency is listed with its own price but left out of the sum.
 */
export async function readFavourites(dataSource: DataSource, customerId: string, accountCurrency: string): Promise<Favourites> {
  const rows: FavouriteRow[] = await dataSource.query(
    `SELECT p.id::text AS product_id, p.external_id AS sku, p.name, p.image_url, p.price, trim(p.currency) AS currency, f.added_at
     FROM favourites f JOIN products p ON p.id = f.product_id
     WHERE f.customer_id = $1 ORDER BY f.added_at DESC, p.id LIMIT 100`,
    [customerId],
  );
  const items = rows.map((row) => ({
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    imageUrl: row.image_url,
    price: row.price === null ? null : Number(row.price),
    currency: row.currency,
    addedAt: row.added_at.toISOString(),
  }));
  const inAccountCurrency = items.filter((item) => item.price !== null && (item.currency ?? accountCurrency) === accountCurrency);
  return { currency: accountCurrency, value: round2(inAccountCurrency.reduce((sum, item) => sum + (item.price ?? 0), 0)), items };
}
