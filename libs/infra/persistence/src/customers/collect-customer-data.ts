import type { DataSource } from 'typeorm';
import type { CustomerDataExport } from '@marea/contracts';
import { customerOwnedTables } from './customer-owned-tables';

interface OwnedTable {
  readonly table: string;
  /** Tables whose rows hang off this one's rows by a foreign key to its id (an order's lines). */
  readonly children: { table: string; column: string }[];
}

type Query = Pick<DataSource, 'query'>;

/** Every table holding customer rows, each with its child tables (a foreign key to its id, and no customer_id of their own). */
async function ownedTables(db: Query): Promise<OwnedTable[]> {
  const names = await customerOwnedTables(db);
  const children: { parent: string; child: string; column: string }[] = await db.query(
    `SELECT parent.relname AS parent, child.relname AS child, a.attname AS column
     FROM pg_constraint fk
     JOIN pg_class child ON child.oid = fk.conrelid
     JOIN pg_class parent ON parent.oid = fk.confrelid AND parent.relnamespace = child.relnamespace
     JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = fk.conkey[1]
     JOIN pg_attribute r ON r.attrelid = fk.confrelid AND r.attnum = fk.confkey[1] AND r.attname = 'id'
     WHERE fk.contype = 'f' AND cardinality(fk.conkey) = 1 AND parent.relname = ANY($1::text[]) AND NOT child.relname = ANY($1::text[])
     ORDER BY child.relname`,
    [names],
  );
  return names.map((table) => ({ table, children: children.filter((c) => c.parent === table).map((c) => ({ table: c.child, column: c.column })) }));
}

/** Everything held about one customer, or null when there is no such customer. */
export async function collectCustomerData(dataSource: DataSource, customerId: string, now: Date): Promise<CustomerDataExport | null> {
  return dataSource.transaction('REPEATABLE READ', async (db) => {
    const [profile] = await db.query(`SELECT to_jsonb(c) - 'search_text' AS row FROM customers c WHERE id = $1`, [customerId]);
    if (!profile) return null;
    const merged: { row: Record<string, unknown> }[] = await db.query(
      `SELECT absorbed_profile || jsonb_build_object('merged_at', merged_at, 'merged_by', merged_by) AS row
       FROM customer_merges WHERE survivor_id = $1 ORDER BY merged_at`,
      [customerId],
    );
    const tables: CustomerDataExport['tables'] = [];
    for (const owned of await ownedTables(db)) {
      const rows: { row: Record<string, unknown> }[] = await db.query(`SELECT to_jsonb(t) AS row FROM ${owned.table} t WHERE customer_id = $1`, [customerId]);
      if (rows.length === 0) continue;
      tables.push({ table: owned.table, rows: rows.map((r) => r.row) });
      for (const child of owned.children) {
        const childRows: { row: Record<string, unknown> }[] = await db.query(
          `SELECT to_jsonb(x) AS row FROM ${child.table} x WHERE ${child.column} IN (SELECT id FROM ${owned.table} WHERE customer_id = $1)`,
          [customerId],
        );
        if (childRows.length) tables.push({ table: child.table, rows: childRows.map((r) => r.row) });
      }
    }
    return { exportedAt: now.toISOString(), customerId, profile: profile.row, mergedProfiles: merged.map((m) => m.row), tables };
  });
}
