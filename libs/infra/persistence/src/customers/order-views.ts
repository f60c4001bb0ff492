import type { DataSource } from 'typeorm';
import type { OrderView } from '@marea/contracts';

interface OrderViewRow {
  id: string;
  external_id: string;
  kind: OrderView['kind'];
  status: OrderView['status'];
  channel: OrderView['channel'];
  store_id: number;
  store_name: string;
  ordered_at: Date;
  total_account: string;
  lines: { product_id: string; sku: string; name: string; image_url: string | null; quantity: string; unit_price: string; total: string }[];
}

/**
 * Orders with their store and lines, money in the account currency: the order's stored
 * `total_account`, and each line's amounts × the order's rate of its date.
 */
export async function readOrderViews(dataSource: DataSource, orderIds: readonly string[]): Promise<Map<string, OrderView>> {
  if (orderIds.length === 0) return new Map();
  const rows: OrderViewRow[] = await dataSource.query(
    `SELECT o.id::text, o.external_id, o.kind, o.status, o.channel, o.store_id, s.name AS store_name, o.ordered_at, o.total_account,
            coalesce((SELECT json_agg(json_build_object(
                        'product_id', p.id::text, 'sku', p.external_id, 'name', p.name, 'image_url', p.image_url,
                        'quantity', l.quantity, 'unit_price', round(l.unit_price * o.fx_rate, 2), 'total', round(l.total * o.fx_rate, 2))
                        ORDER BY l.line_no)
                      FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = o.id), '[]') AS lines
     FROM orders o JOIN stores s ON s.id = o.store_id
     WHERE o.id = ANY($1::bigint[])`,
    [orderIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        externalId: row.external_id,
        kind: row.kind,
        status: row.status,
        channel: row.channel,
        store: { id: row.store_id, name: row.store_name },
        orderedAt: row.ordered_at.toISOString(),
        total: Number(row.total_account),
        lines: row.lines.map((line) => ({
          productId: line.product_id,
          sku: line.sku,
          name: line.name,
          imageUrl: line.image_url,
          quantity: Number(line.quantity),
          unitPrice: Number(line.unit_price),
          total: Number(line.total),
        })),
      },
    ]),
  );
}
