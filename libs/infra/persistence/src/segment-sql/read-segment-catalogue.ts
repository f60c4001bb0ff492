import type { CustomFieldType, SegmentCatalogue } from '@marea/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * What a segment rule may refer to in this shop, for validating and compiling rules: the
 * account's time zone, custom fields, categories, stores, managers and segment codes. Products
 * are left out (a shop has too many to list); an unknown SKU simply matches nothing.
 */
export async function readSegmentCatalogue(db: DataSource | EntityManager): Promise<SegmentCatalogue> {
  const [account] = await db.query<{ timezone: string }[]>(`SELECT timezone FROM account`);
  const customFields = await db.query<{ key: string; label: string; type: CustomFieldType }[]>(
    `SELECT key, label, type FROM custom_fields ORDER BY key`,
  );
  const names = async (sql: string) => (await db.query<{ name: string }[]>(sql)).map((row) => row.name);
  const [{ segments_exist }] = await db.query<{ segments_exist: boolean }[]>(`SELECT to_regclass('segments') IS NOT NULL AS segments_exist`);
  return {
    timeZone: account?.timezone ?? 'UTC',
    customFields,
    categories: await names(`SELECT path AS name FROM categories ORDER BY path`),
    stores: await names(`SELECT external_id AS name FROM stores ORDER BY external_id`),
    managers: await names(`SELECT email AS name FROM users ORDER BY email`),
    ...(segments_exist ? { segments: await names(`SELECT code AS name FROM segments ORDER BY code`) } : {}),
  };
}
