import type { DataSource } from 'typeorm';
import { SEARCHABLE_CUSTOMER_FIELDS, type SegmentValueList, type SegmentValueMatch } from '@marea/contracts';

/** `%` and `_` typed by the marketer are letters, not wildcards. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const FIELD_COLUMNS: ReadonlySet<string> = new Set(SEARCHABLE_CUSTOMER_FIELDS);

/**
 * The names of the long lists a rule may use, searched as the marketer types (the rule builder's
 * autocomplete): SKUs by prefix or product name, and customers' tags, repeating fields and text
 * custom fields by prefix, the most common first. Customers' values are counted over the whole
 * table (no index serves a prefix of an unnested array or a JSON value), so an answer costs one
 * scan of `customers`; the builder asks once per pause in typing.
 */
export class PgSegmentValueSearch {
  constructor(private readonly db: DataSource) {}

  async search(list: SegmentValueList, text: string, limit: number): Promise<SegmentValueMatch[]> {
    const prefix = `${likeEscaped(text.trim())}%`;
    if (list === 'products') {
      return this.db.query<SegmentValueMatch[]>(
        `SELECT external_id AS value, external_id || ' · ' || name AS label
         FROM products
         WHERE external_id ILIKE $1 OR name ILIKE '%' || $2
         ORDER BY (external_id ILIKE $1) DESC, external_id
         LIMIT $3`,
        [prefix, prefix, limit],
      );
    }
    if (list === 'tags') {
      return this.db.query<SegmentValueMatch[]>(
        `SELECT tag AS value, tag AS label
         FROM (SELECT unnest(tags) AS tag FROM customers WHERE tags <> '{}') AS tagged
         WHERE tag ILIKE $1
         GROUP BY tag ORDER BY count(*) DESC, tag LIMIT $2`,
        [prefix, limit],
      );
    }
    const [source, name] = list.split('.', 2) as ['field' | 'attributes', string];
    if (source === 'field') {
      // The column is one of a fixed list (the contract's pattern and this set both say so), never the caller's text.
      if (!FIELD_COLUMNS.has(name)) return [];
      return this.db.query<SegmentValueMatch[]>(
        `SELECT ${name} AS value, ${name} AS label
         FROM customers WHERE ${name} ILIKE $1
         GROUP BY ${name} ORDER BY count(*) DESC, ${name} LIMIT $2`,
        [prefix, limit],
      );
    }
    return this.db.query<SegmentValueMatch[]>(
      `SELECT attributes ->> $3 AS value, attributes ->> $3 AS label
       FROM customers WHERE attributes ->> $3 ILIKE $1
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $2`,
      [prefix, limit, name],
    );
  }
}
