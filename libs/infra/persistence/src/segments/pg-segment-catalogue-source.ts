import type { DataSource } from 'typeorm';
import type { SegmentCatalogue } from '@marea/contracts';
import type { SegmentCatalogueSource } from '@marea/engine/segments';

/**
 * What segment rules may name, read from the shop in one round trip. Product SKUs are left out
 * (a shop may hold hundreds of thousands; a rule naming an unknown SKU simply matches nobody).
 */
export class PgSegmentCatalogueSource implements SegmentCatalogueSource {
  constructor(private readonly dataSource: DataSource) {}

  async catalogue(): Promise<SegmentCatalogue> {
    const [row] = await this.dataSource.query<
      {
        time_zone: string;
        custom_fields: SegmentCatalogue['customFields'];
        categories: string[];
        stores: string[];
        managers: string[];
        segments: string[];
      }[]
    >(
      `SELECT (SELECT timezone FROM account) AS time_zone,
              coalesce((SELECT json_agg(json_build_object('key', key, 'label', label, 'type', type) ORDER BY key) FROM custom_fields), '[]') AS custom_fields,
              ARRAY(SELECT path FROM categories ORDER BY path) AS categories,
              ARRAY(SELECT external_id FROM stores ORDER BY external_id) AS stores,
              ARRAY(SELECT email FROM users ORDER BY email) AS managers,
              ARRAY(SELECT code FROM segments ORDER BY code) AS segments`,
    );
    return {
      timeZone: row.time_zone,
      customFields: row.custom_fields,
      categories: row.categories,
      stores: row.stores,
      managers: row.managers,
      segments: row.segments,
    };
  }

  async segmentRules(): Promise<ReadonlyMap<string, unknown>> {
    const rows = await this.dataSource.query<{ code: string; rule: unknown }[]>(`SELECT code, rule FROM segments`);
    return new Map(rows.map((row) => [row.code, row.rule]));
  }
}
