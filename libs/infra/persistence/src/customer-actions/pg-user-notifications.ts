import type { DataSource } from 'typeorm';
import type { UserNotificationNote, UserNotifications } from '@marea/engine/customer-actions';

/**
 * The automations' notification action, on the app's notifications. A note for nobody in
 * particular goes to every active admin and marketer, one row each, so each reads it on their
 * own; the effect key is unique per user, so a retried step notifies nobody twice.
 */
export class PgUserNotifications implements UserNotifications {
  constructor(private readonly dataSource: DataSource) {}

  async notify(effectKey: string, note: UserNotificationNote): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications (user_id, kind, message, link, effect_key)
       SELECT id, 'automation', $2, $3, $4 FROM users
       WHERE CASE WHEN $1::bigint IS NULL THEN active AND role IN ('admin', 'marketer') ELSE id = $1::bigint END
       ON CONFLICT (effect_key, user_id) WHERE effect_key IS NOT NULL DO NOTHING`,
      [note.userId, note.message, note.link ?? null, effectKey],
    );
  }
}
