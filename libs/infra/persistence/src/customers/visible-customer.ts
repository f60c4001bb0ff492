import type { DataSource } from 'typeorm';
import type { CustomerVisibility } from '@marea/domain/access';
import { customerVisibilitySql } from '../access/customer-visibility-sql';

/**
 * Whether the customer exists for whoever asks: a manager sees only the customers they are
 * responsible for, so anyone else's customer is as unknown to them as a missing one.
 */
export async function isVisibleCustomer(dataSource: DataSource, customerId: string, visibility: CustomerVisibility): Promise<boolean> {
  const parameters: unknown[] = [customerId];
  const visible = customerVisibilitySql(visibility, 'c', parameters);
  const rows = await dataSource.query(`SELECT 1 FROM customers c WHERE c.id = $1 AND ${visible}`, parameters);
  return rows.length > 0;
}
