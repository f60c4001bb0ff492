import { PersonaEnrichment, type AttributeValue, type CustomerEdit } from '@marea/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { editCustomerWithin } from '../../customers/edit-customer';
import { isRowId as isId } from './persona-analysis-rows';

type Done = { readonly kind: 'done'; readonly enrichment: PersonaEnrichment };
type NotFound = { readonly kind: 'not_found' };
export type PersonaEnrichmentApplied = Done | NotFound | { readonly kind: 'rejected'; readonly errors: { field: string; message: string }[] };
export type PersonaEnrichmentReverted = Done | NotFound | { readonly kind: 'already_reverted'; readonly enrichment: PersonaEnrichment };

interface EnrichmentRow {
  id: string;
  analysis_id: string;
  cluster: number;
  attributes: Record<string, string>;
  customers: number;
  applied_at: Date;
  applied_by: string | null;
  reverted_at: Date | null;
  kept_on_revert: number | null;
}

const ENRICHMENT_COLUMNS = 'id::text, analysis_id::text, cluster, attributes, customers, applied_at, applied_by, reverted_at, kept_on_revert';

function enrichmentOf(row: EnrichmentRow): PersonaEnrichment {
  return PersonaEnrichment.parse({
    id: row.id,
    analysisId: row.analysis_id,
    cluster: row.cluster,
    attributes: row.attributes,
    customers: row.customers,
    appliedAt: row.applied_at.toISOString(),
    appliedBy: row.applied_by,
    revertedAt: row.reverted_at?.toISOString() ?? null,
    keptOnRevert: row.kept_on_revert,
  });
}


/**
 * Enrichment values are text. A key that is not a custom field yet becomes a text field (label =
 * key), so "persona" or "propensity_plantas" can be set without defining them first; a key
 * defined with another type is refused.
 */
async function textFields(db: EntityManager, keys: readonly string[]): Promise<{ field: string; message: string }[]> {
  const defined = await db.query<{ key: string; type: string }[]>(`SELECT key, type FROM custom_fields WHERE key = ANY($1)`, [keys]);
  const errors = defined
    .filter((field) => field.type !== 'text')
    .map((field) => ({ field: `attributes.${field.key}`, message: `is a custom field of type ${field.type}; an enrichment sets text values` }));
  if (errors.length) return errors;
  await db.query(`INSERT INTO custom_fields (key, label, type) SELECT key, key, 'text' FROM unnest($1::text[]) AS k(key) ON CONFLICT (key) DO NOTHING`, [keys]);
  return [];
}

/** Edits one customer as the profile does (checked, recorded in customer_changes); fails loudly if refused. */
async function editAsProfile(db: EntityManager, customerId: string, attributes: Record<string, AttributeValue>, changedBy: string, today: string) {
  const outcome = await editCustomerWithin(db, customerId, { attributes } as CustomerEdit, { changedBy, today });
  if (outcome.kind === 'rejected') throw new Error(`customer ${customerId} refused the enrichment: ${JSON.stringify(outcome.errors)}`);
  return outcome.kind === 'saved' ? outcome.changes : [];
}

/**
 * Sets the key/value pairs on every customer of the cluster, in one transaction, through the
 * profile's own edit (each change in the customer's history, named after the enrichment), and
 * keeps the value each change replaced so the enrichment can be reverted. A customer who already
 * had the value is not changed and has nothing to revert.
 */
export async function applyPersonaEnrichment(
  dataSource: DataSource,
  target: { analysisId: string; cluster: number },
  attributes: Record<string, string>,
  appliedBy: string,
  today: string,
): Promise<PersonaEnrichmentApplied> {
  if (!isId(target.analysisId)) return { kind: 'not_found' };
  return dataSource.transaction(async (db) => {
    const [cluster] = await db.query<{ analysis_name: string; cluster_name: string }[]>(
      `SELECT a.name AS analysis_name, cl.name AS cluster_name
       FROM persona_clusters cl JOIN persona_analyses a ON a.id = cl.analysis_id
       WHERE cl.analysis_id = $1 AND cl.cluster = $2 FOR SHARE OF cl`,
      [target.analysisId, target.cluster],
    );
    if (!cluster) return { kind: 'not_found' };
    const errors = await textFields(db, Object.keys(attributes));
    if (errors.length) return { kind: 'rejected', errors };
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO persona_enrichments (analysis_id, cluster, attributes, applied_by) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [target.analysisId, target.cluster, JSON.stringify(attributes), appliedBy],
    );
    const changedBy = `enrichment of "${cluster.cluster_name}" (${cluster.analysis_name}) by ${appliedBy}`;
    const members = await db.query<{ customer_id: string }[]>(
      `SELECT customer_id::text FROM persona_assignments WHERE analysis_id = $1 AND cluster = $2 ORDER BY customer_id`,
      [target.analysisId, target.cluster],
    );
    const previous: { customer_id: string; key: string; previous: AttributeValue | undefined }[] = [];
    let changed = 0;
    for (const { customer_id } of members) {
      const changes = await editAsProfile(db, customer_id, attributes, changedBy, today);
      if (changes.length) changed++;
      for (const change of changes) {
        previous.push({ customer_id, key: change.field.slice('attributes.'.length), previous: (change.before ?? null) as AttributeValue });
      }
    }
    await db.query(
      `INSERT INTO persona_enrichment_previous_values (enrichment_id, customer_id, key, previous)
       SELECT $1, p.customer_id, p.key, p.previous FROM jsonb_to_recordset($2::jsonb) AS p(customer_id bigint, key text, previous jsonb)`,
      [id, JSON.stringify(previous)],
    );
    const [row] = await db.query<EnrichmentRow[]>(`WITH counted AS (UPDATE persona_enrichments SET customers = $2 WHERE id = $1 RETURNING ${ENRICHMENT_COLUMNS}) SELECT * FROM counted`, [id, changed]);
    return { kind: 'done', enrichment: enrichmentOf(row) };
  });
}

/**
 * Puts back what the enrichment replaced. Rule: a value is restored only where the customer
 * still has the value the enrichment set; a value changed since (a profile edit, an automation,
 * a later enrichment) is kept and counted in `keptOnRevert`. A key the customer did not have is
 * removed again. Each restoration is a profile edit, in the customer's history.
 */
export async function revertPersonaEnrichment(dataSource: DataSource, enrichmentId: string, revertedBy: string, today: string): Promise<PersonaEnrichmentReverted> {
  if (!isId(enrichmentId)) return { kind: 'not_found' };
  return dataSource.transaction(async (db) => {
    const [enrichment] = await db.query<EnrichmentRow[]>(`SELECT ${ENRICHMENT_COLUMNS} FROM persona_enrichments WHERE id = $1 FOR UPDATE`, [enrichmentId]);
    if (!enrichment) return { kind: 'not_found' };
    if (enrichment.reverted_at) return { kind: 'already_reverted', enrichment: enrichmentOf(enrichment) };
    const rows = await db.query<{ customer_id: string; key: string; previous: AttributeValue; current: AttributeValue | null }[]>(
      `SELECT pv.customer_id::text, pv.key, pv.previous, c.attributes -> pv.key AS current
       FROM persona_enrichment_previous_values pv JOIN customers c ON c.id = pv.customer_id
       WHERE pv.enrichment_id = $1 ORDER BY pv.customer_id, pv.key`,
      [enrichmentId],
    );
    const restore = new Map<string, Record<string, AttributeValue>>();
    let kept = 0;
    for (const row of rows) {
      if (row.current !== enrichment.attributes[row.key]) {
        kept++;
        continue;
      }
      restore.set(row.customer_id, { ...restore.get(row.customer_id), [row.key]: row.previous });
    }
    const changedBy = `revert of enrichment ${enrichmentId} by ${revertedBy}`;
    for (const [customerId, attributes] of restore) await editAsProfile(db, customerId, attributes, changedBy, today);
    const [row] = await db.query<EnrichmentRow[]>(
      `WITH reverted AS (
         UPDATE persona_enrichments SET reverted_at = now(), reverted_by = $2, kept_on_revert = $3 WHERE id = $1 RETURNING ${ENRICHMENT_COLUMNS}
       ) SELECT * FROM reverted`,
      [enrichmentId, revertedBy, kept],
    );
    return { kind: 'done', enrichment: enrichmentOf(row) };
  });
}

/** The enrichments of an analysis, newest first; null when there is no such analysis. */
export async function listPersonaEnrichments(dataSource: DataSource, analysisId: string): Promise<PersonaEnrichment[] | null> {
  if (!isId(analysisId)) return null;
  const exists = await dataSource.query(`SELECT 1 FROM persona_analyses WHERE id = $1`, [analysisId]);
  if (exists.length === 0) return null;
  const rows = await dataSource.query<EnrichmentRow[]>(
    `SELECT ${ENRICHMENT_COLUMNS} FROM persona_enrichments WHERE analysis_id = $1 ORDER BY applied_at DESC, id DESC`,
    [analysisId],
  );
  return rows.map(enrichmentOf);
}
