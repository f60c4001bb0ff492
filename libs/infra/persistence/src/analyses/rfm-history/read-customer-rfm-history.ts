import type { DataSource } from 'typeorm';
import { RfmHistory } from '@marea/contracts';
import type { CustomerVisibility } from '@marea/domain/access';
import { customerVisibilitySql } from '../../access/customer-visibility-sql';

/**
 * A customer's RFM segments over time, newest first; null when there is no such customer or the
 * asker may not see them (a manager sees the customers they manage, as on the profile).
 */
export async function readCustomerRfmHistory(dataSource: DataSource, customerId: string, visibility: CustomerVisibility): Promise<RfmHistory | null> {
  const parameters: unknown[] = [customerId];
  const visible = customerVisibilitySql(visibility, 'c', parameters);
  const [customer] = await dataSource.query<{ id: string }[]>(`SELECT c.id::text AS id FROM customers c WHERE c.id = $1 AND ${visible}`, parameters);
  if (!customer) return null;
  const rows = await dataSource.query<{ segment: string; valid_from: Date; valid_to: Date | null }[]>(
    `SELECT segment, valid_from, valid_to FROM rfm_segment_history WHERE customer_id = $1 ORDER BY valid_from DESC`,
    [customerId],
  );
  return RfmHistory.parse({
    customerId: customer.id,
    entries: rows.map((row) => ({ segment: row.segment, from: row.valid_from.toISOString(), to: row.valid_to?.toISOString() ?? null })),
  });
}
