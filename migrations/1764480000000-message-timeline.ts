import { MigrationInterface, QueryRunner } from 'typeorm';

/** A customer's messages newest first, transactional ones included: the timeline's message entries. */
export class MessageTimeline1764480000000 implements MigrationInterface {
  name = 'MessageTimeline1764480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX messages_customer_time_idx ON messages (customer_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX messages_customer_time_idx`);
  }
}
