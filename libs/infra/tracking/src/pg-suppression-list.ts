import type { DataSource } from 'typeorm';
import type { SuppressionChannel, SuppressionList } from '@marea/engine/tracking';
import { normaliseAddress } from './suppression-address';

/** The suppression list in PostgreSQL; suppressing an address twice keeps the first reason. */
export class PgSuppressionList implements SuppressionList {
  constructor(private readonly dataSource: DataSource) {}

  async isSuppressed(channel: SuppressionChannel, address: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM suppressions WHERE channel = $1 AND address = $2`, [
      channel,
      normaliseAddress(channel, address),
    ]);
    return rows.length > 0;
  }

  async suppress(channel: SuppressionChannel, address: string, reason: string): Promise<void> {
    const normalised = normaliseAddress(channel, address);
    if (!normalised) throw new Error(`An empty ${channel} address cannot be suppressed`);
    await this.dataSource.query(
      `INSERT INTO suppressions (channel, address, reason) VALUES ($1, $2, $3) ON CONFLICT (channel, address) DO NOTHING`,
      [channel, normalised, reason],
    );
  }
}
