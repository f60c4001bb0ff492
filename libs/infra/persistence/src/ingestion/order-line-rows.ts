import type { OrderRow } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';

const COMPARED = ['product_id', 'quantity', 'unit_price', 'discount', 'tax', 'total', 'cost'];
const RECORD = `order_id bigint, line_no integer, product_id bigint, quantity numeric, unit_price numeric,
  discount numeric, tax numeric, total numeric, cost numeric`;

/**
 * Makes each order's lines exactly the given ones and returns the orders whose lines changed.
 * Lines that differ or disappeared are deleted first; then the missing ones are inserted (a
 * second statement, so a changed line's new version does not meet its old one in the key).
 * Identical lines are never touched. An order created by this batch has no stored lines, so
 * only the others are compared (a fresh import skips the comparison entirely).
 */
export async function writeOrderLines(
  sql: SqlQuery,
  orders: { orderId: string; lines: OrderRow['lines']; created: boolean }[],
): Promise<Set<string>> {
  const linesOf = (of: typeof orders) =>
    JSON.stringify(
      of.flatMap(({ orderId, lines: orderLines }) =>
        orderLines.map((line) => ({
          order_id: orderId,
          line_no: line.lineNo,
          product_id: line.productId,
          quantity: line.quantity,
          unit_price: line.unitPrice,
          discount: line.discount,
          tax: line.tax,
          total: line.total,
          cost: line.cost,
        })),
      ),
    );
  const lines = linesOf(orders);
  const stored = orders.filter((o) => !o.created);
  const removed = stored.length === 0 ? [] : await sql<{ order_id: string }>(
    `WITH n AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS n(${RECORD}))
     DELETE FROM order_lines ol
     WHERE ol.order_id = ANY($1::bigint[])
       AND NOT EXISTS (
         SELECT 1 FROM n WHERE n.order_id = ol.order_id AND n.line_no = ol.line_no
           AND (${COMPARED.map((c) => `n.${c}`).join(', ')}) IS NOT DISTINCT FROM (${COMPARED.map((c) => `ol.${c}`).join(', ')}))
     RETURNING ol.order_id::text AS order_id`,
    [stored.map((o) => o.orderId), linesOf(stored)],
  );
  const added = await sql<{ order_id: string }>(
    `INSERT INTO order_lines (order_id, line_no, ${COMPARED.join(', ')})
     SELECT order_id, line_no, ${COMPARED.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS n(${RECORD})
     ORDER BY order_id, line_no
     ON CONFLICT (order_id, line_no) DO NOTHING
     RETURNING order_id::text AS order_id`,
    [lines],
  );
  return new Set([...removed, ...added].map((row) => row.order_id));
}
