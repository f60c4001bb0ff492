import type { DataSource, EntityManager } from 'typeorm';
import { refreshCustomerMetricsOf } from '../customer-metrics/refresh-customer-metrics';
import type { SqlQuery } from '../ingestion/sql-query';
import { customerOwnedTables } from './customer-owned-tables';

export type CustomerErasureOutcome =
  | { readonly kind: 'erased'; readonly erasedAt: Date; readonly removedRows: number }
  | { readonly kind: 'already_erased'; readonly erasedAt: Date }
  | { readonly kind: 'not_found' };

/** Rows that stay, anonymous: the orders, so revenue totals do not change. */
const KEPT = ['orders'];

/** Every personal string the customer is known by: what must not survive anywhere. */
async function personalStrings(db: EntityManager, customerId: string): Promise<string[]> {
  const rows: { value: string }[] = await db.query(
    `SELECT DISTINCT value FROM (
       SELECT unnest(ARRAY[external_id, first_name, last_name, document_number, email, phone]) AS value FROM customers WHERE id = $1
       UNION ALL SELECT value FROM customer_identities WHERE customer_id = $1
       UNION ALL SELECT p.value FROM customer_merges m, jsonb_each_text(m.absorbed_profile) p
                 WHERE m.survivor_id = $1 AND p.key IN ('external_id', 'first_name', 'last_name', 'document_number', 'email', 'phone')
     ) s WHERE value IS NOT NULL AND length(value) >= 3`,
    [customerId],
  );
  return rows.map((row) => row.value);
}

/**
 * Erases a customer (the right to be forgotten) in one transaction:
 * - a hash of each identifier they had goes to `erased_identities`, so data naming them later is refused;
 * - every row of every table holding customer rows is deleted, except the orders (found in the
 *   catalogue, so tables added later are covered): events and their properties, consents, carts,
 *   favourites, changes, segment history, messages and their rendered bodies, tasks, figures …;
 * - queued automation steps of their runs, their addresses on the suppression list, the profiles
 *   merged into this one, and the rejected CSV rows and kept import files that mention them are
 *   deleted;
 * - the customer row stays for the orders, with no personal field left and `erased_at` set.
 */
export async function eraseCustomer(dataSource: DataSource, customerId: string, now: Date): Promise<CustomerErasureOutcome> {
  return dataSource.transaction(async (db): Promise<CustomerErasureOutcome> => {
    const [customer]: { erased_at: Date | null }[] = await db.query(`SELECT erased_at FROM customers WHERE id = $1 FOR UPDATE`, [customerId]);
    if (!customer) return { kind: 'not_found' };
    if (customer.erased_at) return { kind: 'already_erased', erasedAt: customer.erased_at };

    const strings = await personalStrings(db, customerId);
    await db.query(
      `INSERT INTO erased_identities (kind, value_hash, erased_at)
       SELECT kind, erasure_hash(kind, value), $2 FROM (
         SELECT kind, value FROM customer_identities WHERE customer_id = $1
         UNION SELECT 'external_id', external_id FROM customers WHERE id = $1
         UNION SELECT 'email', email FROM customers WHERE id = $1 AND email IS NOT NULL
         UNION SELECT 'phone', phone FROM customers WHERE id = $1 AND phone IS NOT NULL
       ) known
       ON CONFLICT DO NOTHING`,
      [customerId, now],
    );

    // Work queued about the customer (a step waiting for its delay) goes before its run does.
    const [{ queue }]: { queue: string | null }[] = await db.query(`SELECT to_regclass('pgboss.job')::text AS queue`);
    if (queue) {
      await db.query(`DELETE FROM pgboss.job WHERE data ->> 'runId' IN (SELECT id::text FROM automation_runs WHERE customer_id = $1)`, [customerId]);
    }
    // Their addresses leave the suppression list too: the hashes above already keep them from coming back.
    await db.query(
      `DELETE FROM suppressions s USING (
         SELECT 'email' AS channel, lower(trim(value)) AS address FROM customer_identities WHERE customer_id = $1 AND kind = 'email'
         UNION SELECT 'email', lower(trim(email)) FROM customers WHERE id = $1 AND email IS NOT NULL
         UNION SELECT 'sms', regexp_replace(regexp_replace(value, '[^0-9+]', '', 'g'), '^00', '+') FROM customer_identities WHERE customer_id = $1 AND kind = 'phone'
         UNION SELECT 'sms', regexp_replace(regexp_replace(phone, '[^0-9+]', '', 'g'), '^00', '+') FROM customers WHERE id = $1 AND phone IS NOT NULL
       ) known
       WHERE s.channel = known.channel AND s.address = known.address`,
      [customerId],
    );

    let removedRows = 0;
    for (const table of (await customerOwnedTables(db)).filter((name) => !KEPT.includes(name))) {
      const deleted: unknown[] = await db.query(`DELETE FROM ${table} WHERE customer_id = $1 RETURNING 1`, [customerId]);
      removedRows += deleted.length;
    }
    await db.query(`DELETE FROM customer_merges WHERE survivor_id = $1`, [customerId]);
    if (strings.length) {
      await db.query(
        `DELETE FROM import_rejects WHERE raw IS NOT NULL AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(lower(raw), lower(s)) > 0)`,
        [strings],
      );
      await db.query(
        `DELETE FROM import_files f USING import_jobs j
         WHERE j.id = f.job_id AND j.status IN ('completed', 'failed') AND EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE position(convert_to(s, 'UTF8') IN f.content) > 0)`,
        [strings],
      );
    }
    await db.query(
      `UPDATE customers SET external_id = 'erased-' || id, first_name = NULL, last_name = NULL, document_number = NULL, email = NULL,
              phone = NULL, birth_date = NULL, gender = NULL, city = NULL, country = NULL, language = NULL, tags = '{}',
              attributes = '{}', manager_id = NULL, erased_at = $2, updated_at = $2
       WHERE id = $1`,
      [customerId, now],
    );
    const sql: SqlQuery = (text, parameters) => db.query(text, parameters);
    await refreshCustomerMetricsOf(sql, [customerId], now);
    return { kind: 'erased', erasedAt: now, removedRows };
  });
}
