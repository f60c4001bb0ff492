import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The right to be forgotten. An erased customer's row stays as an anonymous record (its orders
 * stay, so revenue totals do not change) marked `erased_at`; everything personal is gone. What
 * remains of the person is a one-way hash of each identifier they had (external id, email, phone)
 * in `erased_identities`, so that a later import naming them is refused instead of silently
 * bringing them back. `erasure_hash` normalises like `customer_identities` (lower-cased email,
 * phone digits and +) so a differently written email still matches.
 */
export class CustomerErasure1764470000000 implements MigrationInterface {
  name = 'CustomerErasure1764470000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customers ADD COLUMN erased_at timestamptz;

      CREATE FUNCTION erasure_hash(kind text, value text) RETURNS bytea
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN sha256(convert_to(kind || ':' || CASE kind
                                                  WHEN 'email' THEN lower(trim(value))
                                                  WHEN 'phone' THEN regexp_replace(value, '[^0-9+]', '', 'g')
                                                  ELSE value END, 'UTF8'));

      CREATE TABLE erased_identities (
        kind text NOT NULL CHECK (kind IN ('external_id', 'email', 'phone')),
        value_hash bytea NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, value_hash)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE erased_identities;
      DROP FUNCTION erasure_hash(text, text);
      ALTER TABLE customers DROP COLUMN erased_at;
    `);
  }
}
