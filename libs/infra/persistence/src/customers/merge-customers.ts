import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerMergePreview, CustomerMergeResult, MergeMove, MergeSide } from '@marea/contracts';
import { MERGED_FIELDS, planCustomerMerge, type CustomerMergePlan, type MergeCandidate, type MergedField } from '@marea/domain/customers';
import type { FieldError } from '@marea/domain/ingestion';
import { refreshCustomerMetricsOf } from '../customer-metrics/refresh-customer-metrics';
import type { SqlQuery } from '../ingestion/sql-query';
import { CUSTOMER_COLUMNS } from './customer-columns';
import { customerOwnedTables } from './customer-owned-tables';

export type CustomerMergeOutcome<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'not_found'; readonly customerId: string }
  | { readonly kind: 'rejected'; readonly message: string; readonly errors: FieldError[] };

/**
 * Tables whose rows of one customer cannot simply be re-pointed, because a key includes the
 * customer or the rows are derived: each has its own step in `moveOwnedRows`. Every other table
 * with a `customer_id` column (see customerOwnedTables) is re-pointed as it is.
 */
const MERGED_BY_RULE = [
  'customer_identities',
  'consents',
  'consent_changes',
  'favourites',
  'customer_metrics',
  'customer_clv',
  'rfm_segment_history',
  'segment_memberships',
  'segment_dirty_customers',
];

async function lockBoth(db: EntityManager, survivorId: string, absorbedId: string): Promise<Map<string, MergeCandidate>> {
  const columns = MERGED_FIELDS.map((field) =>
    field === 'birthDate' ? `to_char(birth_date, 'YYYY-MM-DD') AS "birthDate"` : `${CUSTOMER_COLUMNS[field]}${field === 'managerId' ? '::text' : ''} AS "${field}"`,
  );
  // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
  const rows: (Record<MergedField, string | null> & { id: string; updated_at: Date; tags: string[]; attributes: Record<string, string | number | boolean | null> })[] =
    await db.query(
      `SELECT id::text, updated_at, tags, attributes, ${columns.join(', ')}
       FROM customers WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`,
      [survivorId, absorbedId],
    );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        updatedAt: row.updated_at,
        tags: row.tags,
        attributes: row.attributes,
        fields: Object.fromEntries(MERGED_FIELDS.map((field) => [field, row[field]])) as Record<MergedField, string | null>,
      },
    ]),
  );
}

async function countRows(db: EntityManager, tables: string[], customerId: string): Promise<MergeMove[]> {
  if (tables.length === 0) return [];
  const [row]: Record<string, number>[] = await db.query(
    `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table} WHERE customer_id = $1) AS "${table}"`).join(', ')}`,
    [customerId],
  );
  return tables.map((table) => ({ table, rows: row[table] })).filter((move) => move.rows > 0);
}

/**
 * Moves everything the absorbed profile owns to the survivor. Where both own "the same" row the
 * survivor keeps one: identities and favourites are deduplicated, the newer consent per channel
 * wins, the survivor's on a tie (the history of both stays in consent_changes), a current segment membership held by both
 * is closed on the absorbed side. Derived rows (figures, dirty marks) are dropped and rebuilt.
 */
async function moveOwnedRows(db: EntityManager, survivorId: string, absorbedId: string, tables: string[]): Promise<void> {
  const params = [survivorId, absorbedId];
  await db.query(
    `DELETE FROM customer_identities a USING customer_identities s
     WHERE a.customer_id = $2 AND s.customer_id = $1 AND s.kind = a.kind AND s.value = a.value`,
    params,
  );
  await db.query(`UPDATE customer_identities SET customer_id = $1 WHERE customer_id = $2`, params);

  await db.query(
    `DELETE FROM consents older USING consents newer
     WHERE older.channel = newer.channel AND older.customer_id IN ($1, $2) AND newer.customer_id IN ($1, $2)
       AND older.customer_id <> newer.customer_id
       AND (older.changed_at, older.customer_id = $1) < (newer.changed_at, newer.customer_id = $1)`,
    params,
  );
  await db.query(`UPDATE consents SET customer_id = $1 WHERE customer_id = $2`, params);
  await db.query(
    `DELETE FROM consent_changes a USING consent_changes s
     WHERE a.customer_id = $2 AND s.customer_id = $1 AND (s.channel, s.changed_at, s.status) = (a.channel, a.changed_at, a.status)`,
    params,
  );
  await db.query(`UPDATE consent_changes SET customer_id = $1 WHERE customer_id = $2`, params);

  await db.query(
    `UPDATE favourites s SET added_at = least(s.added_at, a.added_at)
     FROM favourites a WHERE s.customer_id = $1 AND a.customer_id = $2 AND a.product_id = s.product_id`,
    params,
  );
  await db.query(`DELETE FROM favourites a USING favourites s WHERE a.customer_id = $2 AND s.customer_id = $1 AND s.product_id = a.product_id`, params);
  await db.query(`UPDATE favourites SET customer_id = $1 WHERE customer_id = $2`, params);

  await db.query(
    `UPDATE segment_memberships a SET exited_at = greatest(now(), a.entered_at)
     FROM segment_memberships s
     WHERE a.customer_id = $2 AND a.exited_at IS NULL AND s.customer_id = $1 AND s.exited_at IS NULL AND s.segment_id = a.segment_id`,
    params,
  );
  await db.query(`UPDATE segment_memberships SET customer_id = $1 WHERE customer_id = $2`, params);
  await db.query(`DELETE FROM customer_metrics WHERE customer_id = $1`, [absorbedId]);
  // The model's figures and the RFM history describe the absorbed profile's own purchases: the
  // next fit and refresh score the survivor with the merged orders.
  await db.query(`DELETE FROM customer_clv WHERE customer_id = $1`, [absorbedId]);
  await db.query(`DELETE FROM rfm_segment_history WHERE customer_id = $1`, [absorbedId]);
  // One cluster per analysis: where both were clustered the survivor's stands (the nightly
  // re-assignment places it with the merged purchases), as does the value an enrichment replaced.
  await db.query(
    `DELETE FROM persona_assignments a USING persona_assignments s
     WHERE a.customer_id = $2 AND s.customer_id = $1 AND s.analysis_id = a.analysis_id`,
    params,
  );
  await db.query(
    `DELETE FROM persona_enrichment_previous_values a USING persona_enrichment_previous_values s
     WHERE a.customer_id = $2 AND s.customer_id = $1 AND s.enrichment_id = a.enrichment_id AND s.key = a.key`,
    params,
  );
  await db.query(`DELETE FROM segment_dirty_customers WHERE customer_id = $1`, [absorbedId]);
  // The survivor's dynamic segments are evaluated again with the merged data.
  await db.query(`INSERT INTO segment_dirty_customers (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO UPDATE SET due_at = now()`, [
    survivorId,
  ]);

  for (const table of tables.filter((name) => !MERGED_BY_RULE.includes(name))) {
    await db.query(`UPDATE ${table} SET customer_id = $1 WHERE customer_id = $2`, params);
  }
}

async function writeSurvivor(db: EntityManager, survivorId: string, plan: CustomerMergePlan): Promise<void> {
  const values: unknown[] = [survivorId];
  const sets = MERGED_FIELDS.map((field) => {
    values.push(plan.merged.fields[field]);
    return `${CUSTOMER_COLUMNS[field]} = $${values.length}${field === 'birthDate' ? '::date' : field === 'managerId' ? '::bigint' : ''}`;
  });
  values.push(plan.merged.tags, JSON.stringify(plan.merged.attributes));
  await db.query(
    `UPDATE customers SET ${sets.join(', ')}, tags = $${values.length - 1}::text[], attributes = $${values.length}::jsonb, updated_at = now()
     WHERE id = $1`,
    values,
  );
}

/** Every changed field, and the merge itself, as timeline entries of the survivor. */
async function recordChanges(
  db: EntityManager,
  before: MergeCandidate,
  absorbed: MergeCandidate,
  plan: CustomerMergePlan,
  mergedBy: string,
): Promise<void> {
  const changes = plan.fields
    .filter((field) => field.winner === 'absorbed' && field.survivor !== field.absorbed)
    .map((field): { field: string; before: unknown; after: unknown } => ({ field: field.field, before: field.survivor, after: field.absorbed }));
  const survivorTags = [...before.tags].sort();
  if (survivorTags.join('\u0000') !== plan.merged.tags.join('\u0000')) changes.push({ field: 'tags', before: survivorTags, after: plan.merged.tags });
  changes.push({ field: 'mergedWith', before: null, after: `${absorbed.id} (${[absorbed.fields.firstName, absorbed.fields.lastName].filter(Boolean).join(' ')})` });
  await db.query(
    `INSERT INTO customer_changes (customer_id, changed_by, field, before, after)
     SELECT $1, $2, field, before, after FROM jsonb_to_recordset($3::jsonb) AS c(field text, before jsonb, after jsonb)`,
    [before.id, mergedBy, JSON.stringify(changes)],
  );
}

async function planBetween(
  db: EntityManager,
  survivorId: string,
  absorbedId: string,
  choices: Readonly<Record<string, MergeSide>>,
): Promise<CustomerMergeOutcome<{ plan: CustomerMergePlan; survivor: MergeCandidate; absorbed: MergeCandidate; tables: string[]; preview: CustomerMergePreview }>> {
  if (survivorId === absorbedId) return { kind: 'rejected', message: 'A customer cannot be merged with itself.', errors: [{ field: 'absorbedId', message: 'is the survivor itself' }] };
  const both = await lockBoth(db, survivorId, absorbedId);
  const survivor = both.get(survivorId);
  const absorbed = both.get(absorbedId);
  if (!survivor) return { kind: 'not_found', customerId: survivorId };
  if (!absorbed) return { kind: 'not_found', customerId: absorbedId };
  const plan = planCustomerMerge(survivor, absorbed, choices);
  if (plan.problems.length) return { kind: 'rejected', message: 'The merge choices are not valid.', errors: plan.problems };
  const tables = await customerOwnedTables(db);
  const preview: CustomerMergePreview = {
    survivorId,
    absorbedId,
    fields: plan.fields,
    tags: plan.merged.tags,
    moves: await countRows(db, tables, absorbedId),
  };
  return { kind: 'done', value: { plan, survivor, absorbed, tables, preview } };
}

/** What merging `absorbedId` into `survivorId` would do: each field's winner and the rows that move. */
export function previewCustomerMerge(
  dataSource: DataSource,
  survivorId: string,
  absorbedId: string,
  choices: Readonly<Record<string, MergeSide>>,
): Promise<CustomerMergeOutcome<CustomerMergePreview>> {
  return dataSource.transaction(async (db) => {
    const planned = await planBetween(db, survivorId, absorbedId, choices);
    return planned.kind === 'done' ? { kind: 'done', value: planned.value.preview } : planned;
  });
}

/**
 * Merges a duplicate into the survivor in one transaction: the fields as planned, every row the
 * duplicate owned moved, the change recorded in the survivor's timeline, the duplicate kept in
 * `customer_merges` (its id resolves to the survivor from then on) and deleted, and the survivor's
 * figures recomputed. A unique rule that two moved rows would break (e.g. two runs of one
 * automation in flight) refuses the merge whole, naming the table.
 */
export function mergeCustomers(
  dataSource: DataSource,
  survivorId: string,
  absorbedId: string,
  choices: Readonly<Record<string, MergeSide>>,
  context: { mergedBy: string; now: Date },
): Promise<CustomerMergeOutcome<CustomerMergeResult>> {
  return dataSource
    .transaction(async (db): Promise<CustomerMergeOutcome<CustomerMergeResult>> => {
      const planned = await planBetween(db, survivorId, absorbedId, choices);
      if (planned.kind !== 'done') return planned;
      const { plan, survivor, absorbed, tables, preview } = planned.value;

      await moveOwnedRows(db, survivorId, absorbedId, tables);
      await writeSurvivor(db, survivorId, plan);
      await recordChanges(db, survivor, absorbed, plan, context.mergedBy);
      await db.query(
        `INSERT INTO customer_merges (absorbed_id, survivor_id, absorbed_profile, merged_by)
         SELECT id, $1, to_jsonb(c) - 'search_text', $3 FROM customers c WHERE id = $2`,
        [survivorId, absorbedId, context.mergedBy],
      );
      // Profiles merged into the absorbed one earlier now resolve to the survivor in one step.
      await db.query(`UPDATE customer_merges SET survivor_id = $1 WHERE survivor_id = $2`, [survivorId, absorbedId]);
      await db.query(`DELETE FROM customers WHERE id = $1`, [absorbedId]);
      const sql: SqlQuery = (text, parameters) => db.query(text, parameters);
      await refreshCustomerMetricsOf(sql, [survivorId], context.now);
      const [{ merged_at }]: { merged_at: Date }[] = await db.query(`SELECT merged_at FROM customer_merges WHERE absorbed_id = $1`, [absorbedId]);
      return { kind: 'done', value: { ...preview, mergedAt: merged_at.toISOString() } };
    })
    .catch((error: { code?: string; table?: string; detail?: string }) => {
      if (error.code !== '23505') throw error;
      return {
        kind: 'rejected',
        message: `The two customers both hold a row of ${error.table ?? 'a table'} that may exist only once (${error.detail ?? 'a unique key'}); nothing was merged.`,
        errors: [{ field: 'absorbedId', message: `conflicts with the survivor in ${error.table ?? 'a unique key'}` }],
      };
    });
}

/** The survivor a merged-away customer id now resolves to, or null when the id was never merged. */
export async function survivorOf(dataSource: DataSource, customerId: string): Promise<string | null> {
  const [row]: { survivor_id: string }[] = await dataSource.query(`SELECT survivor_id::text FROM customer_merges WHERE absorbed_id = $1`, [customerId]);
  return row?.survivor_id ?? null;
}
