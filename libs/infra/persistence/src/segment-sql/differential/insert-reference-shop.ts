import type { ReferenceShop } from '@marea/domain/segments';
import type { DataSource } from 'typeorm';
import { ensureSegmentTables } from './ensure-segment-tables';

const SHOP_TABLES = [
  'persona_analyses', 'segment_memberships', 'segments', 'customer_metrics', 'consents', 'events', 'order_lines', 'orders',
  'product_categories', 'products', 'categories', 'customers', 'custom_fields', 'stores', 'users',
];

/** Loads rows given as JSON into a table in one statement (the shops of the tests are small). */
async function load(db: DataSource, table: string, columns: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.split(',').map((c) => c.trim().split(' ')[0]).join(', ');
  await db.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`, [JSON.stringify(rows)]);
}

/**
 * Replaces the shop in a test database with an in-memory one, row for row, so the SQL of a
 * rule and the reference evaluator read the same data.
 */
export async function insertReferenceShop(db: DataSource, shop: ReferenceShop): Promise<void> {
  await ensureSegmentTables(db);
  await db.query(`TRUNCATE ${SHOP_TABLES.join(', ')} CASCADE`);
  await db.query(`UPDATE account SET timezone = $1`, [shop.timeZone]);
  await load(db, 'users', 'id bigint, email text, name text, role text', shop.users.map((u) => ({ ...u, name: u.email, role: 'manager' })));
  await load(db, 'stores', 'id int, external_id text, name text, channel text, currency text, timezone text',
    shop.stores.map((s) => ({ id: s.id, external_id: s.externalId, name: s.externalId, channel: 'ecommerce', currency: 'EUR', timezone: s.timeZone })));
  await load(db, 'custom_fields', 'key text, label text, type text', shop.customFields);
  await load(db, 'categories', 'id int, path text, name text', shop.categories.map((k) => ({ ...k, name: k.path.split(' > ').pop() })));
  await load(db, 'products', 'id bigint, external_id text, name text, attributes jsonb',
    shop.products.map((p) => ({ id: p.id, external_id: p.externalId, name: p.externalId, attributes: p.attributes })));
  await load(db, 'product_categories', 'product_id bigint, category_id int',
    shop.products.flatMap((p) => p.categoryIds.map((category_id) => ({ product_id: p.id, category_id }))));
  await load(
    db,
    'customers',
    'id bigint, external_id text, first_name text, last_name text, email text, phone text, document_number text, gender text, city text, country text, language text, birth_date date, created_at timestamptz, tags text[], attributes jsonb, manager_id bigint',
    shop.customers.map((c) => ({
      id: c.id, external_id: c.externalId, first_name: c.firstName, last_name: c.lastName, email: c.email, phone: c.phone,
      document_number: c.documentNumber, gender: c.gender, city: c.city, country: c.country, language: c.language,
      birth_date: c.birthDate, created_at: c.createdAt, tags: c.tags, attributes: c.attributes, manager_id: c.managerId,
    })),
  );
  await load(
    db,
    'orders',
    'id bigint, external_id text, customer_id bigint, store_id int, channel text, kind text, status text, ordered_at timestamptz, currency text, subtotal numeric, total numeric, margin numeric, item_quantity numeric, fx_rate numeric',
    shop.orders.map((o) => ({
      id: o.id, external_id: `o${o.id}`, customer_id: o.customerId, store_id: o.storeId, channel: o.channel, kind: o.kind, status: o.status,
      ordered_at: o.orderedAt, currency: 'EUR', subtotal: o.total, total: o.total, margin: o.margin, item_quantity: '0', fx_rate: o.fxRate,
    })),
  );
  await load(db, 'order_lines', 'order_id bigint, line_no int, product_id bigint, quantity numeric, unit_price numeric, tax numeric, total numeric, cost numeric',
    shop.orders.flatMap((o) => o.lines.map((l, i) => ({ order_id: o.id, line_no: i + 1, product_id: l.productId, quantity: l.quantity, unit_price: '1', tax: l.tax, total: l.total, cost: l.cost }))));
  await load(db, 'events', 'id bigint, external_id text, customer_id bigint, type text, occurred_at timestamptz, properties jsonb',
    shop.events.map((e) => ({ id: e.id, external_id: `e${e.id}`, customer_id: e.customerId, type: e.type, occurred_at: e.occurredAt, properties: e.properties })));
  await load(db, 'consents', 'customer_id bigint, channel text, status text, changed_at timestamptz, source text',
    shop.consents.map((k) => ({ customer_id: k.customerId, channel: k.channel, status: k.status, changed_at: '2024-01-01T00:00:00Z', source: 'test' })));
  await load(db, 'customer_metrics', 'customer_id bigint, rfm_segment text, rfm_recency smallint, rfm_frequency smallint, rfm_monetary smallint, rfm_margin smallint, clv_state text, predicted_clv numeric, primary_affinity text, computed_at timestamptz',
    shop.metrics.map((m) => ({
      customer_id: m.customerId, rfm_segment: m.rfmSegment, rfm_recency: m.rfmRecency, rfm_frequency: m.rfmFrequency, rfm_monetary: m.rfmMonetary,
      rfm_margin: m.rfmMargin, clv_state: m.clvState, predicted_clv: m.predictedClv, primary_affinity: m.primaryAffinity, computed_at: '2026-01-01T00:00:00Z',
    })));
  await insertSegments(db, shop);
  await insertPersonaAnalyses(db, shop);
}

/** Analyses with just what rules read: code, status, finish, values, cluster names and levels, assignments. */
async function insertPersonaAnalyses(db: DataSource, shop: ReferenceShop): Promise<void> {
  const analyses = shop.personaAnalyses ?? [];
  await load(db, 'persona_analyses', 'id bigint, code text, name text, parameters jsonb, status text, finished_at timestamptz, customers int, value_names text[]',
    analyses.map((a) => ({ id: a.id, code: a.code, name: a.code, parameters: {}, status: a.status, finished_at: a.finishedAt, customers: a.status === 'done' ? a.assignments.length : null, value_names: a.values })));
  await load(db, 'persona_clusters', 'analysis_id bigint, cluster smallint, name text, suggested_name text, size int, centroid float8[], lifts float8[], propensity text[], model_centroid float8[]',
    analyses.flatMap((a) => a.clusters.map((c) => ({ analysis_id: a.id, cluster: c.cluster, name: c.name, suggested_name: c.name, size: 0, centroid: [], lifts: [], propensity: c.propensity, model_centroid: [] }))));
  await load(db, 'persona_assignments', 'analysis_id bigint, customer_id bigint, cluster smallint',
    analyses.flatMap((a) => a.assignments.map((x) => ({ analysis_id: a.id, customer_id: x.customerId, cluster: x.cluster }))));
}

/** Segments have more required columns once their migration is in; fill them when they exist. */
async function insertSegments(db: DataSource, shop: ReferenceShop): Promise<void> {
  const columns = await db.query<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'segments'`);
  const full = columns.some((c) => c.column_name === 'rule');
  if (full) {
    await load(db, 'segments', 'id bigint, code text, name text, kind text, active boolean, rule jsonb, rule_version int',
      shop.segments.map((s) => ({ ...s, name: s.code, kind: 'static', active: false, rule: { version: 1, match: 'all', conditions: [] }, rule_version: 1 })));
  } else {
    await load(db, 'segments', 'id bigint, code text', shop.segments);
  }
  await load(db, 'segment_memberships', 'segment_id bigint, customer_id bigint, entered_at timestamptz, exited_at timestamptz',
    shop.memberships.map((m) => ({ segment_id: m.segmentId, customer_id: m.customerId, entered_at: m.enteredAt, exited_at: m.exitedAt })));
}
