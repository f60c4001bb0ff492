import type { OrderRow, WriteOutcome } from '@marea/engine/ingestion';
import { writeOrderLines } from './order-line-rows';
import type { SqlQuery } from './sql-query';
import { writeOutcomes, type WrittenRow } from './write-outcomes';

const HEADER = [
  'customer_id', 'store_id', 'channel', 'kind', 'status', 'returned_order_id', 'ordered_at', 'currency', 'subtotal',
  'discount_total', 'tax_total', 'shipping_total', 'total', 'cost_total', 'margin', 'item_quantity', 'fx_rate',
];

export async function existingOrders(sql: SqlQuery, externalIds: string[]): Promise<Set<string>> {
  const rows = await sql<{ external_id: string }>(`SELECT external_id FROM orders WHERE external_id = ANY($1::text[])`, [externalIds]);
  return new Set(rows.map((row) => row.external_id));
}

function header(row: OrderRow) {
  return {
    external_id: row.externalId,
    customer_id: row.customerId,
    store_id: row.storeId,
    channel: row.channel,
    kind: row.kind,
    status: row.status,
    returned_order_external_id: row.returnedOrderExternalId,
    ordered_at: row.orderedAt,
    currency: row.currency,
    subtotal: row.subtotal,
    discount_total: row.discountTotal,
    tax_total: row.taxTotal,
    shipping_total: row.shippingTotal,
    total: row.total,
    cost_total: row.costTotal,
    margin: row.margin,
    item_quantity: row.itemQuantity,
    fx_rate: String(row.fxRate),
  };
}

/**
 * Upserts orders as whole documents: headers in one statement that writes only real changes,
 * then the lines (see writeOrderLines). An order whose only change is in its lines is `updated`
 * and its `updated_at` moves too.
 */
export async function writeOrders(sql: SqlQuery, rows: OrderRow[]): Promise<WriteOutcome[]> {
  const keys = rows.map((row) => row.externalId);
  const written = await sql<WrittenRow & { id: string }>(
    `INSERT INTO orders AS o (external_id, ${HEADER.join(', ')})
     SELECT x.external_id, x.customer_id, x.store_id, x.channel, x.kind, x.status,
            (SELECT r.id FROM orders r WHERE r.external_id = x.returned_order_external_id),
            x.ordered_at, x.currency, x.subtotal, x.discount_total, x.tax_total, x.shipping_total, x.total,
            x.cost_total, x.margin, x.item_quantity, x.fx_rate
     FROM jsonb_to_recordset($1::jsonb) AS x(
       external_id text, customer_id bigint, store_id integer, channel text, kind text, status text,
       returned_order_external_id text, ordered_at timestamptz, currency text, subtotal numeric,
       discount_total numeric, tax_total numeric, shipping_total numeric, total numeric, cost_total numeric,
       margin numeric, item_quantity numeric, fx_rate numeric)
     ORDER BY x.external_id
     ON CONFLICT (external_id) DO UPDATE
       SET ${HEADER.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
       WHERE (${HEADER.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${HEADER.map((c) => `EXCLUDED.${c}`).join(', ')})
     RETURNING o.id::text AS id, o.external_id AS key, (o.xmax = 0) AS inserted`,
    [JSON.stringify(rows.map(header))],
  );

  // Orders the statement wrote came back with their ids; only the unchanged ones are looked up.
  const idOf = new Map(written.map((row) => [row.key, row.id]));
  const unchanged = keys.filter((key) => !idOf.has(key));
  if (unchanged.length) {
    const ids = await sql<{ id: string; external_id: string }>(
      `SELECT id::text AS id, external_id FROM orders WHERE external_id = ANY($1::text[])`,
      [unchanged],
    );
    ids.forEach((row) => idOf.set(row.external_id, row.id));
  }
  const created = new Set(written.filter((row) => row.inserted).map((row) => row.key));

  // A return may refer to a sale of the same batch, which the statement above could not see yet.
  const returns = rows.filter((row) => row.returnedOrderExternalId !== null);
  if (returns.length) {
    await sql(
      `UPDATE orders r SET returned_order_id = o.id
       FROM unnest($1::text[], $2::text[]) AS x(external_id, returned) JOIN orders o ON o.external_id = x.returned
       WHERE r.external_id = x.external_id AND r.returned_order_id IS DISTINCT FROM o.id`,
      [returns.map((row) => row.externalId), returns.map((row) => row.returnedOrderExternalId)],
    );
  }

  const linesChanged = await writeOrderLines(
    sql,
    rows.map((row) => ({ orderId: idOf.get(row.externalId) as string, lines: row.lines, created: created.has(row.externalId) })),
  );
  const headerWritten = new Set(written.map((row) => row.key));
  const onlyLines = rows.filter((row) => !headerWritten.has(row.externalId) && linesChanged.has(idOf.get(row.externalId) as string));
  if (onlyLines.length) {
    await sql(`UPDATE orders SET updated_at = now() WHERE external_id = ANY($1::text[])`, [onlyLines.map((row) => row.externalId)]);
  }
  await closeOrderedCarts(sql, rows);
  return writeOutcomes(keys, [...written, ...onlyLines.map((row) => ({ key: row.externalId, inserted: false }))]);
}

/**
 * A sale closes the customer's open carts last touched before it: they were ordered, not
 * abandoned (the abandoned-cart automations read only open carts). Locked in external id order,
 * as cart upserts lock them, so the two cannot deadlock.
 */
async function closeOrderedCarts(sql: SqlQuery, rows: OrderRow[]): Promise<void> {
  const sales = rows.filter((row) => row.kind === 'sale');
  if (sales.length === 0) return;
  await sql(
    `WITH closed AS (
       SELECT c.id FROM carts c JOIN unnest($1::bigint[], $2::timestamptz[]) AS s(customer_id, ordered_at) ON c.customer_id = s.customer_id
       WHERE c.status = 'open' AND c.updated_at <= s.ordered_at
       ORDER BY c.external_id FOR UPDATE OF c)
     UPDATE carts SET status = 'ordered' WHERE id IN (SELECT id FROM closed)`,
    [sales.map((row) => row.customerId), sales.map((row) => row.orderedAt)],
  );
}
