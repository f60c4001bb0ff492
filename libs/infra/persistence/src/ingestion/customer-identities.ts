import type { SqlQuery } from './sql-query';

export interface WrittenCustomer {
  id: string;
  external_id: string;
  email: string | null;
  phone: string | null;
}

/**
 * Keeps the identities of written customers in step with them: their external id, their email
 * (lower-cased) and their phone (digits and a leading +), dropping an email or phone they no
 * longer have. Identities of other kinds or of absorbed profiles are left alone.
 */
export async function syncCustomerIdentities(sql: SqlQuery, customers: WrittenCustomer[]): Promise<void> {
  if (customers.length === 0) return;
  await sql(
    `WITH w AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS w(id, external_id, email, phone)
     ),
     wanted AS (
       SELECT id, 'external_id' AS kind, external_id AS value FROM w
       UNION ALL SELECT id, 'email', lower(email) FROM w WHERE email IS NOT NULL
       UNION ALL SELECT id, 'phone', regexp_replace(phone, '[^0-9+]', '', 'g') FROM w WHERE phone IS NOT NULL
     ),
     gone AS (
       DELETE FROM customer_identities ci USING w
       WHERE ci.customer_id = w.id AND ci.kind IN ('email', 'phone')
         AND NOT EXISTS (SELECT 1 FROM wanted x WHERE x.id = ci.customer_id AND x.kind = ci.kind AND x.value = ci.value)
     )
     INSERT INTO customer_identities (kind, value, customer_id)
     SELECT kind, value, id FROM wanted ORDER BY 1, 2
     ON CONFLICT DO NOTHING`,
    [
      customers.map((c) => c.id),
      customers.map((c) => c.external_id),
      customers.map((c) => c.email),
      customers.map((c) => c.phone),
    ],
  );
}
