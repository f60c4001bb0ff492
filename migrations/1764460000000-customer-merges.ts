import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merged duplicates. The absorbed profile's row is deleted after everything it owned moved to the
 * survivor; this table keeps it as it was (no value is lost, even the ones the merge overruled) and
 * lets the absorbed id keep resolving to the survivor for API callers. Its identities (external
 * id, email, phone) move to the survivor in `customer_identities`, so data pushed later under the
 * absorbed external id lands on the survivor.
 */
export class CustomerMerges1764460000000 implements MigrationInterface {
  name = 'CustomerMerges1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_merges (
        absorbed_id bigint PRIMARY KEY,
        survivor_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        absorbed_profile jsonb NOT NULL,
        merged_by text NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customer_merges_survivor_idx ON customer_merges (survivor_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_merges`);
  }
}
