import type { CompiledSegmentRule } from '@marea/domain/segments';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a compiled segment rule and returns the ids of the matching customers, in id order.
 * Ids are bigints, kept as decimal strings.
 */
export async function selectSegmentMembers(db: DataSource | EntityManager, compiled: CompiledSegmentRule): Promise<string[]> {
  const rows = await db.query<{ customer_id: string }[]>(`${compiled.sql}\nORDER BY 1`, compiled.params);
  return rows.map((row) => String(row.customer_id));
}
