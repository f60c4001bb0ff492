import type { DataSource } from 'typeorm';
import { CustomerSearchPage, type CustomerSearchQuery } from '@marea/contracts';
import type { CustomerVisibility } from '@marea/domain/access';
import { MIN_INDEXED_TERM, planSearch } from '@marea/domain/customers';
import { customerVisibilitySql } from '../access/customer-visibility-sql';

const SEARCH_TEXT = 'c.search_text';
const COLUMNS = 'id::text, external_id, first_name, last_name, email, phone, city, created_at';

interface SummaryRow {
  id: string;
  external_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  created_at: Date;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The WHERE clause of a search. Terms of 3 characters or more are `LIKE '%term%'` on the
 * normalised search text, which the trigram index answers; shorter terms only filter the rows
 * those found (a 2-character LIKE would make PostgreSQL read the whole index). A query without
 * an indexable term looks up exact keys only: external id, email, phone.
 */
function searchCondition(q: string): { where: string; parameters: unknown[] } {
  const plan = planSearch(q);
  if (plan.terms.length === 0) return { where: 'true', parameters: [] };
  if (plan.exactOnly) {
    return { where: 'external_id = $1 OR lower(email) = lower($1) OR phone = $1', parameters: [q.trim()] };
  }
  const where = plan.terms.map((term, i) =>
    term.length >= MIN_INDEXED_TERM
      ? `${SEARCH_TEXT} LIKE '%' || search_normalize($${i + 1}) || '%'`
      : `strpos(${SEARCH_TEXT}, search_normalize($${i + 1})) > 0`,
  );
  return {
    where: where.join(' AND '),
    parameters: plan.terms.map((term) => (term.length >= MIN_INDEXED_TERM ? escapeLike(term) : term)),
  };
}

/**
 * Customers whose name, email, phone or external id contain every term of `q`, ignoring case
 * and accents; newest customers first. One row more than the page is read to tell whether a
 * next page exists, so no count of all matches is ever needed.
 */
export async function searchCustomers(
  dataSource: DataSource,
  query: CustomerSearchQuery,
  visibility: CustomerVisibility,
): Promise<CustomerSearchPage> {
  const { where, parameters } = searchCondition(query.q);
  const visible = customerVisibilitySql(visibility, 'c', parameters);
  parameters.push(query.pageSize + 1, (query.page - 1) * query.pageSize);
  const rows: SummaryRow[] = await dataSource.query(
    `SELECT ${COLUMNS} FROM customers c WHERE (${where}) AND ${visible}
     ORDER BY id DESC LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
    parameters,
  );
  return CustomerSearchPage.parse({
    items: rows.slice(0, query.pageSize).map((row) => ({
      id: row.id,
      externalId: row.external_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      city: row.city,
      createdAt: row.created_at.toISOString(),
    })),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  });
}
