import type { DataSource } from 'typeorm';
import { CustomerProfile, type AttributeValue, type ConsentState, type CustomFieldType } from '@marea/contracts';
import { readCurrentSegments } from './segment-memberships';
import { readLastOrder, readLastProducts } from './purchase-history';
import { readFavourites, readOpenCart } from './shopper-lists';

interface CustomerRow {
  id: string;
  external_id: string;
  first_name: string | null;
  last_name: string | null;
  document_number: string | null;
  email: string | null;
  phone: string | null;
  birth_date: string | null;
  gender: 'female' | 'male' | 'other' | null;
  city: string | null;
  country: string | null;
  language: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  created_at: Date;
  updated_at: Date;
  currency: string;
  manager_id: string | null;
  manager_name: string | null;
  manager_email: string | null;
  rfm_segment: string | null;
  clv_state: string | null;
  predicted_clv: string | null;
}

interface ConsentRow {
  channel: 'email' | 'sms';
  status: 'given' | 'withdrawn';
  changed_at: Date;
  source: string;
}

const consent = (row: ConsentRow): ConsentState => ({
  channel: row.channel,
  status: row.status,
  changedAt: row.changed_at.toISOString(),
  source: row.source,
});

/** The customer row with what the header needs from other tables, or none for an unknown id. */
async function readCustomerRow(dataSource: DataSource, customerId: string): Promise<CustomerRow | undefined> {
  const [row]: CustomerRow[] = await dataSource.query(
    `SELECT c.id::text, c.external_id, c.first_name, c.last_name, c.document_number, c.email, c.phone,
            to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.gender, c.city, c.country, c.language, c.tags, c.attributes,
            c.created_at, c.updated_at, trim(a.currency) AS currency,
            u.id::text AS manager_id, u.name AS manager_name, u.email AS manager_email,
            m.rfm_segment, m.clv_state, m.predicted_clv
     FROM customers c CROSS JOIN account a
     LEFT JOIN users u ON u.id = c.manager_id
     LEFT JOIN customer_metrics m ON m.customer_id = c.id
     WHERE c.id = $1`,
    [customerId],
  );
  return row;
}

/** Every defined custom field with the customer's value (null when unset), in label order. */
async function readAttributes(dataSource: DataSource, values: Record<string, AttributeValue>): Promise<CustomerProfile['attributes']> {
  const fields: { key: string; label: string; type: CustomFieldType }[] = await dataSource.query(
    `SELECT key, label, type FROM custom_fields ORDER BY label, key`,
  );
  return fields.map((field) => ({ ...field, value: Object.hasOwn(values, field.key) ? values[field.key] : null }));
}

async function readConsents(dataSource: DataSource, customerId: string): Promise<Pick<CustomerProfile, 'consents' | 'consentHistory'>> {
  const [current, history]: ConsentRow[][] = await Promise.all([
    dataSource.query(`SELECT channel, status, changed_at, source FROM consents WHERE customer_id = $1 ORDER BY channel`, [customerId]),
    dataSource.query(
      `SELECT channel, status, changed_at, source FROM consent_changes WHERE customer_id = $1 ORDER BY changed_at DESC, id DESC LIMIT 50`,
      [customerId],
    ),
  ]);
  return { consents: current.map(consent), consentHistory: history.map(consent) };
}

/**
 * The 360° profile of one customer, or null when there is no customer with that id. The parts
 * are read concurrently, each through an index on the customer's id.
 */
export async function readCustomerProfile(dataSource: DataSource, customerId: string): Promise<CustomerProfile | null> {
  const row = await readCustomerRow(dataSource, customerId);
  if (!row) return null;
  const [attributes, consents, cart, favourites, lastOrder, lastProducts, segments] = await Promise.all([
    readAttributes(dataSource, row.attributes),
    readConsents(dataSource, customerId),
    readOpenCart(dataSource, customerId),
    readFavourites(dataSource, customerId, row.currency),
    readLastOrder(dataSource, customerId),
    readLastProducts(dataSource, customerId),
    readCurrentSegments(dataSource, customerId),
  ]);
  return CustomerProfile.parse({
    id: row.id,
    externalId: row.external_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    currency: row.currency,
    header: {
      rfmSegment: row.rfm_segment,
      clvState: row.clv_state,
      predictedClv: row.predicted_clv === null ? null : Number(row.predicted_clv),
    },
    personal: {
      firstName: row.first_name,
      lastName: row.last_name,
      documentNumber: row.document_number,
      birthDate: row.birth_date,
      gender: row.gender,
      language: row.language,
    },
    contact: { email: row.email, phone: row.phone, city: row.city, country: row.country },
    ...consents,
    tags: row.tags,
    attributes,
    manager: row.manager_id ? { id: row.manager_id, name: row.manager_name, email: row.manager_email } : null,
    cart,
    favourites,
    lastOrder,
    lastProducts,
    segments,
  });
}
