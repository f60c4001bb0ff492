import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a CSV import needs to be resumed by another worker: its options (mapping, defaults,
 * format), the columns it ignored, and a chunk cursor recorded in the same transaction as the
 * chunk's counts and rejects. A row may be rejected for several reasons with the same message
 * (two columns "must be a number"), so rejects are keyed by their position in the row.
 */
export class ImportJobProgress1764100000000 implements MigrationInterface {
  name = 'ImportJobProgress1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE import_jobs
        ADD COLUMN options jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN ignored_columns text[] NOT NULL DEFAULT '{}',
        ADD COLUMN next_chunk integer NOT NULL DEFAULT 0;
      ALTER TABLE import_rejects
        DROP CONSTRAINT import_rejects_pkey,
        ADD COLUMN seq integer NOT NULL DEFAULT 0,
        ADD PRIMARY KEY (job_id, row_number, seq);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM import_rejects WHERE seq > 0;
      ALTER TABLE import_rejects DROP CONSTRAINT import_rejects_pkey, DROP COLUMN seq,
        ADD PRIMARY KEY (job_id, row_number, message);
      ALTER TABLE import_jobs DROP COLUMN options, DROP COLUMN ignored_columns, DROP COLUMN next_chunk;
    `);
  }
}
