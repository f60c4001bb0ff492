import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CustomerScores } from './score-customers';

const ROWS_PER_CHUNK = 20_000;

/** Streams the scores into a temporary table with COPY, a chunk of text lines at a time. */
async function copyScores(client: ClientBase, customerIds: Float64Array, scores: CustomerScores): Promise<void> {
  const stream = client.query(
    copyFrom(`COPY clv_staging (customer_id, expected_purchases_12m, probability_alive, expected_average_order_value, clv_12m, expected_next_order_at) FROM STDIN`),
  );
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  for (let start = 0; start < customerIds.length; start += ROWS_PER_CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(customerIds.length, start + ROWS_PER_CHUNK); i++) {
      const next = scores.expectedNextOrderAt[i];
      lines.push(
        `${customerIds[i]}\t${scores.expectedPurchases12m[i]}\t${scores.probabilityAlive[i]}\t${scores.expectedAverageOrderValue[i].toFixed(2)}\t` +
          `${scores.clv12m[i].toFixed(2)}\t${Number.isNaN(next) ? '\\N' : new Date(next).toISOString()}\n`,
      );
    }
    if (!stream.write(lines.join(''))) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await finished;
}

/**
 * Replaces every customer's CLV figures with those of fit `fitId`, and customer_metrics.predicted_clv
 * with their 12-month CLV, in the caller's transaction: COPY into a temporary table, then one
 * statement that upserts customer_clv, deletes the rows of customers the fit no longer scores, and
 * sets predicted_clv (NULL for a customer without a score). Readers see the old fit or the new one.
 */
export async function writeCustomerClv(client: ClientBase, fitId: string, computedAt: Date, customerIds: Float64Array, scores: CustomerScores): Promise<number> {
  await client.query(`CREATE TEMPORARY TABLE clv_staging (
    customer_id bigint PRIMARY KEY, expected_purchases_12m double precision, probability_alive double precision,
    expected_average_order_value numeric(14, 2), clv_12m numeric(14, 2), expected_next_order_at timestamptz
  ) ON COMMIT DROP`);
  await copyScores(client, customerIds, scores);
  await client.query('ANALYZE clv_staging');
  const {
    rows: [{ written }],
  } = await client.query<{ written: number }>(
    `WITH upserted AS (
       INSERT INTO customer_clv AS c (customer_id, fit_id, expected_purchases_12m, probability_alive, expected_average_order_value,
                                      clv_12m, expected_next_order_at, computed_at)
       SELECT s.customer_id, $1, s.expected_purchases_12m, s.probability_alive, s.expected_average_order_value, s.clv_12m,
              s.expected_next_order_at, $2
       FROM clv_staging s JOIN customers cu ON cu.id = s.customer_id
       ON CONFLICT (customer_id) DO UPDATE SET fit_id = EXCLUDED.fit_id, expected_purchases_12m = EXCLUDED.expected_purchases_12m,
         probability_alive = EXCLUDED.probability_alive, expected_average_order_value = EXCLUDED.expected_average_order_value,
         clv_12m = EXCLUDED.clv_12m, expected_next_order_at = EXCLUDED.expected_next_order_at, computed_at = EXCLUDED.computed_at
       RETURNING 1
     ),
     unscored AS (
       DELETE FROM customer_clv c WHERE NOT EXISTS (SELECT 1 FROM clv_staging s WHERE s.customer_id = c.customer_id) RETURNING 1
     ),
     predicted AS (
       UPDATE customer_metrics m SET predicted_clv = s.clv_12m
       FROM clv_staging s WHERE s.customer_id = m.customer_id AND m.predicted_clv IS DISTINCT FROM s.clv_12m
       RETURNING 1
     ),
     unpredicted AS (
       UPDATE customer_metrics m SET predicted_clv = NULL
       WHERE m.predicted_clv IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clv_staging s WHERE s.customer_id = m.customer_id)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM upserted)::int AS written, (SELECT count(*) FROM unscored) AS unscored,
            (SELECT count(*) FROM predicted) AS predicted, (SELECT count(*) FROM unpredicted) AS unpredicted`,
    [fitId, computedAt],
  );
  return written;
}
