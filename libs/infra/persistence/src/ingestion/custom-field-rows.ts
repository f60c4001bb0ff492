import type { CustomFieldItem, CustomFieldType } from '@marea/contracts';
import type { WriteOutcome } from '@marea/engine/ingestion';
import type { SqlQuery } from './sql-query';
import { writeOutcomes, type WrittenRow } from './write-outcomes';

export async function customFieldTypes(sql: SqlQuery): Promise<Map<string, CustomFieldType>> {
  const rows = await sql<{ key: string; type: CustomFieldType }>(`SELECT key, type FROM custom_fields`);
  return new Map(rows.map((row) => [row.key, row.type]));
}

/** Fields some customer has a value for. A scan, but only when someone asks to change a field's type. */
export async function customFieldsWithValues(sql: SqlQuery, keys: string[]): Promise<Set<string>> {
  const rows = await sql<{ key: string }>(
    `SELECT k AS key FROM unnest($1::text[]) AS k WHERE EXISTS (SELECT 1 FROM customers WHERE attributes ? k)`,
    [keys],
  );
  return new Set(rows.map((row) => row.key));
}

export async function writeCustomFields(sql: SqlQuery, rows: CustomFieldItem[]): Promise<WriteOutcome[]> {
  const written = await sql<WrittenRow>(
    `INSERT INTO custom_fields AS f (key, label, type)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1
     ON CONFLICT (key) DO UPDATE SET label = EXCLUDED.label, type = EXCLUDED.type
       WHERE (f.label, f.type) IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.type)
     RETURNING f.key, (f.xmax = 0) AS inserted`,
    [rows.map((r) => r.key), rows.map((r) => r.label), rows.map((r) => r.type)],
  );
  return writeOutcomes(rows.map((r) => r.key), written);
}
