import type { DataSource } from 'typeorm';

/** One entry or exit on the segment feed. `position` is the cursor to acknowledge it with. */
export interface SegmentFeedEntry {
  readonly position: string;
  readonly segmentId: string;
  readonly segmentCode: string;
  readonly customerId: string;
  readonly change: 'entered' | 'exited';
  readonly at: Date;
}

/**
 * Reads the durable entry/exit feed for a named consumer (the automation engine), in commit-safe
 * order: rows go by (transaction id, row id) and only up to the oldest transaction still running,
 * so a row whose transaction commits late cannot land behind the consumer's cursor.
 */
export class SegmentFeedReader {
  constructor(private readonly dataSource: DataSource) {}

  async next(consumer: string, limit: number): Promise<SegmentFeedEntry[]> {
    const rows = await this.dataSource.query<
      { tx: string; id: string; segment_id: string; code: string; customer_id: string; change: 'entered' | 'exited'; at: Date }[]
    >(
      `WITH cursor AS (
         SELECT coalesce((SELECT last_tx FROM segment_feed_consumers WHERE consumer = $1), '0'::xid8) AS last_tx,
                coalesce((SELECT last_id FROM segment_feed_consumers WHERE consumer = $1), 0) AS last_id
       )
       SELECT f.tx::text, f.id::text, f.segment_id::text, s.code, f.customer_id::text, f.change, f.at
       FROM segment_feed f JOIN segments s ON s.id = f.segment_id, cursor
       WHERE (f.tx, f.id) > (cursor.last_tx, cursor.last_id)
         AND f.tx < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY f.tx, f.id
       LIMIT $2`,
      [consumer, limit],
    );
    return rows.map((row) => ({
      position: `${row.tx}:${row.id}`,
      segmentId: row.segment_id,
      segmentCode: row.code,
      customerId: row.customer_id,
      change: row.change,
      at: row.at,
    }));
  }

  /** Moves the consumer's cursor past `position` (the last entry it has handled). */
  async acknowledge(consumer: string, position: string): Promise<void> {
    const [tx, id] = position.split(':');
    await this.dataSource.query(
      `INSERT INTO segment_feed_consumers (consumer, last_tx, last_id) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (consumer) DO UPDATE SET last_tx = excluded.last_tx, last_id = excluded.last_id, updated_at = now()
       WHERE (segment_feed_consumers.last_tx, segment_feed_consumers.last_id) < (excluded.last_tx, excluded.last_id)`,
      [consumer, tx, id],
    );
  }
}
