import type { DataSource, EntityManager } from 'typeorm';
import type { AttributeValue, CustomerEdit, CustomFieldType } from '@marea/contracts';
import { changesOf, checkCustomerEdit, type EditableCustomer, type FieldChange } from '@marea/domain/customers';
import type { FieldError } from '@marea/domain/ingestion';
import { syncCustomerIdentities } from '../ingestion/customer-identities';
import type { SqlQuery } from '../ingestion/sql-query';
import { CUSTOMER_COLUMNS } from './customer-columns';

export type CustomerEditOutcome =
  | { readonly kind: 'not_found' }
  | { readonly kind: 'rejected'; readonly errors: FieldError[] }
  | { readonly kind: 'saved'; readonly changes: FieldChange[] };

const COLUMN: Record<Exclude<keyof EditableCustomer, 'attributes'>, string> = CUSTOMER_COLUMNS;

async function lockCustomer(db: EntityManager, customerId: string): Promise<EditableCustomer | undefined> {
  const [row] = await db.query(
    `SELECT first_name AS "firstName", last_name AS "lastName", document_number AS "documentNumber", email, phone,
            to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", gender, city, country, language, tags, attributes
     FROM customers WHERE id = $1 FOR UPDATE`,
    [customerId],
  );
  return row;
}

export async function customFieldTypes(db: EntityManager): Promise<Map<string, CustomFieldType>> {
  const rows: { key: string; type: CustomFieldType }[] = await db.query(`SELECT key, type FROM custom_fields`);
  return new Map(rows.map((row) => [row.key, row.type]));
}

/** One UPDATE of the changed columns; custom fields are merged into `attributes`, a null removes one. */
async function applyChanges(db: EntityManager, customerId: string, changes: FieldChange[]): Promise<void> {
  const sets: string[] = ['updated_at = now()'];
  const values: unknown[] = [customerId];
  const attributes: Record<string, AttributeValue> = {};
  for (const change of changes) {
    if (change.field.startsWith('attributes.')) {
      attributes[change.field.slice('attributes.'.length)] = change.after as AttributeValue;
      continue;
    }
    values.push(change.after);
    sets.push(`${COLUMN[change.field as keyof typeof COLUMN]} = $${values.length}`);
  }
  if (Object.keys(attributes).length) {
    values.push(JSON.stringify(attributes));
    sets.push(`attributes = jsonb_strip_nulls(attributes || $${values.length}::jsonb)`);
  }
  await db.query(`UPDATE customers SET ${sets.join(', ')} WHERE id = $1`, values);
}

/**
 * Edits a customer as a user on the profile does: the edit is checked whole (birth date, typed
 * custom fields) and either every change is stored, each recorded in `customer_changes` with who
 * made it, or nothing is. Email and phone identities follow the new values.
 */
export async function editCustomer(
  dataSource: DataSource,
  customerId: string,
  edit: CustomerEdit,
  context: { changedBy: string; today: string },
): Promise<CustomerEditOutcome> {
  return dataSource.transaction((db) => editCustomerWithin(db, customerId, edit, context));
}

/** The same edit inside a transaction the caller holds, e.g. with an automation's idempotency record. */
export async function editCustomerWithin(
  db: EntityManager,
  customerId: string,
  edit: CustomerEdit,
  context: { changedBy: string; today: string },
): Promise<CustomerEditOutcome> {
  const before = await lockCustomer(db, customerId);
  if (!before) return { kind: 'not_found' };
  const errors = checkCustomerEdit(edit, await customFieldTypes(db), context.today);
  if (errors.length) return { kind: 'rejected', errors };
  const changes = changesOf(before, edit);
  if (changes.length === 0) return { kind: 'saved', changes };

  await applyChanges(db, customerId, changes);
  await db.query(
    `INSERT INTO customer_changes (customer_id, changed_by, field, before, after)
     SELECT $1, $2, field, before, after FROM jsonb_to_recordset($3::jsonb) AS c(field text, before jsonb, after jsonb)`,
    [customerId, context.changedBy, JSON.stringify(changes)],
  );
  if (changes.some((change) => change.field === 'email' || change.field === 'phone')) {
    const [written] = await db.query(`SELECT id::text, external_id, email, phone FROM customers WHERE id = $1`, [customerId]);
    const sql: SqlQuery = (text, parameters) => db.query(text, parameters);
    await syncCustomerIdentities(sql, [written]);
  }
  return { kind: 'saved', changes };
}
