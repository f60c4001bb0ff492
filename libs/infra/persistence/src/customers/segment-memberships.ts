import type { DataSource } from 'typeorm';
import type { SegmentMembershipView } from '@marea/contracts';

/** The segments the customer is in now (an open membership), by name. */
export async function readCurrentSegments(dataSource: DataSource, customerId: string): Promise<SegmentMembershipView[]> {
  const rows: { id: string; name: string; since: Date }[] = await dataSource.query(
    `SELECT s.id::text, s.name, m.entered_at AS since
     FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
     WHERE m.customer_id = $1 AND m.exited_at IS NULL ORDER BY s.name, s.id`,
    [customerId],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, since: row.since.toISOString() }));
}
