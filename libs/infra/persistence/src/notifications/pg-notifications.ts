import type { DataSource } from 'typeorm';
import type { Notification, NotificationList } from '@marea/contracts';

/**
 * In-app notifications of a user, newest first. Rows without a user are for everyone in the
 * account (e.g. the creator of a segment is unknown); reading one marks it read for all.
 */
export class PgNotifications {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string | null, limit: number): Promise<NotificationList> {
    const rows = await this.dataSource.query<
      { id: string; kind: string; message: string; link: string | null; created_at: Date; read_at: Date | null; unread: number }[]
    >(
      `SELECT id::text, kind, message, link, created_at, read_at,
              count(*) FILTER (WHERE read_at IS NULL) OVER ()::int AS unread
       FROM notifications
       WHERE user_id IS NULL OR user_id = $1
       ORDER BY created_at DESC, id DESC
       LIMIT $2`,
      [userId, limit],
    );
    const items: Notification[] = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      message: row.message,
      link: row.link,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    }));
    return { items, unread: rows[0]?.unread ?? 0 };
  }

  /** Marks the given notifications read (all of the user's when `ids` is null). */
  async markRead(userId: string | null, ids: string[] | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now()
       WHERE read_at IS NULL AND (user_id IS NULL OR user_id = $1) AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      [userId, ids],
    );
  }
}
