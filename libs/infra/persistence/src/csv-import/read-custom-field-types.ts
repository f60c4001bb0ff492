import type { DataSource } from 'typeorm';
import type { CustomFieldType } from '@marea/contracts';

/** The account's custom fields and their types, for reading `attributes.<key>` cells of a CSV. */
export async function readCustomFieldTypes(dataSource: DataSource): Promise<ReadonlyMap<string, CustomFieldType>> {
  const rows = await dataSource.query<{ key: string; type: CustomFieldType }[]>(`SELECT key, type FROM custom_fields`);
  return new Map(rows.map((row) => [row.key, row.type]));
}
