import type { ResolvedReferences } from '@marea/engine/ingestion';
import { ConcurrentCreation, type SqlQuery } from './sql-query';

/**
 * Users by email (case-insensitive, keyed lower-case); an unknown email becomes a user with the
 * role manager, named after the part before the @ until someone edits it.
 */
export async function managerIds(sql: SqlQuery, emails: string[]): Promise<ResolvedReferences> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows = await sql<{ email: string; id: string; created: boolean }>(
    `WITH wanted AS (SELECT e AS email FROM unnest($1::text[]) AS e),
     created AS (
       INSERT INTO users (email, name, role)
       SELECT w.email, split_part(w.email, '@', 1), 'manager' FROM wanted w
       WHERE NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = w.email)
       ORDER BY 1
       ON CONFLICT DO NOTHING
       RETURNING id, email
     )
     SELECT lower(email) AS email, id::text AS id, false AS created FROM users WHERE lower(email) = ANY($1::text[])
     UNION ALL
     SELECT email, id::text, true FROM created`,
    [wanted],
  );
  const ids = new Map(rows.map((row) => [row.email, row.id]));
  if (wanted.some((email) => !ids.has(email))) throw new ConcurrentCreation('manager users');
  return { ids, created: rows.filter((row) => row.created).length };
}
