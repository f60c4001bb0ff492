import type { PersonaUnit } from '@marea/contracts';
import type { CompiledSegmentRule } from '@marea/domain/segments';

/** The attribute value that means "the product's categories" rather than a key of products.attributes. */
export const CATEGORY_ATTRIBUTE = 'category';

export interface PersonaMatrixStatement {
  sql: string;
  params: unknown[];
}

/**
 * Each product's values of the attribute: for `category` its most specific categories by path
 * (a product filed under "Huerto" and "Huerto > Semillas" counts as "Huerto > Semillas"), else
 * the text of its attribute, ignoring products without one.
 */
function productValues(attribute: string, param: (value: unknown) => string): string {
  if (attribute === CATEGORY_ATTRIBUTE) {
    return `SELECT pc.product_id, k.path AS value
      FROM product_categories pc JOIN categories k ON k.id = pc.category_id
      WHERE NOT EXISTS (SELECT 1 FROM product_categories deeper JOIN categories dk ON dk.id = deeper.category_id
                        WHERE deeper.product_id = pc.product_id AND dk.parent_id = k.id)`;
  }
  const key = param(attribute);
  return `SELECT p.id AS product_id, btrim(p.attributes ->> ${key}::text) AS value
      FROM products p WHERE nullif(btrim(p.attributes ->> ${key}::text), '') IS NOT NULL`;
}

/**
 * The customer × value matrix in one statement, sparse: a first row (customer_id NULL) names
 * the columns in byte order of the values, then one row per customer, in id order, with the
 * columns it has and their amounts. Purchases are sales not cancelled up to `now`; a ticket is a
 * distinct local day of the store (docs/customer-metrics.md). `tickets` counts the tickets that
 * contain the value; `spend_share` is the customer's spend on the value (account currency) over
 * their spend on every value of the attribute. The audience (a compiled segment rule, whose
 * `$n` come first) narrows the customers; without one every buyer is in.
 */
export function personaMatrixStatement(
  analysis: { attribute: string; unit: PersonaUnit },
  audience: CompiledSegmentRule | null,
  now: Date,
): PersonaMatrixStatement {
  const params: unknown[] = audience ? [...audience.params] : [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const values = productValues(analysis.attribute, param);
  const at = param(now.toISOString());
  const amount =
    analysis.unit === 'tickets'
      ? 'tickets::float8'
      : 'spend::float8 / nullif(sum(spend) OVER (PARTITION BY customer_id), 0)::float8';
  const sql = `
    WITH ${audience ? `audience AS MATERIALIZED (${audience.sql}),` : ''}
    product_values AS (${values}),
    bought AS (
      SELECT o.customer_id, pv.value,
             count(DISTINCT (o.ordered_at AT TIME ZONE s.timezone)::date) AS tickets,
             sum(ol.total * o.fx_rate) AS spend
      FROM orders o
      JOIN stores s ON s.id = o.store_id
      JOIN order_lines ol ON ol.order_id = o.id
      JOIN product_values pv ON pv.product_id = ol.product_id
      WHERE o.kind = 'sale' AND o.status <> 'cancelled' AND o.ordered_at <= ${at}::timestamptz
        ${audience ? 'AND o.customer_id IN (SELECT customer_id FROM audience)' : ''}
      GROUP BY o.customer_id, pv.value
    ),
    figures AS MATERIALIZED (
      SELECT customer_id, value, ${amount} AS amount FROM bought
    ),
    value_columns AS (
      SELECT value, (row_number() OVER (ORDER BY value COLLATE "C") - 1)::int AS col
      FROM (SELECT DISTINCT value FROM figures WHERE amount > 0) present
    )
    SELECT NULL::bigint AS customer_id, array_agg(value ORDER BY col) AS names, NULL::int[] AS cols, NULL::float8[] AS amounts
    FROM value_columns
    UNION ALL
    (SELECT f.customer_id, NULL, array_agg(k.col ORDER BY k.col), array_agg(f.amount ORDER BY k.col)
     FROM figures f JOIN value_columns k USING (value)
     WHERE f.amount > 0
     GROUP BY f.customer_id)
    ORDER BY customer_id NULLS FIRST`;
  return { sql, params };
}
