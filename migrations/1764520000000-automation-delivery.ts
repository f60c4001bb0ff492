import { MigrationInterface, QueryRunner } from 'typeorm';

/** The profile columns a `customer-changed` trigger can name, as the API names them. */
const WATCHED_FIELDS: [column: string, field: string][] = [
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['document_number', 'documentNumber'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['birth_date', 'birthDate'],
  ['gender', 'gender'],
  ['city', 'city'],
  ['country', 'country'],
  ['language', 'language'],
  ['tags', 'tags'],
  ['manager_id', 'managerId'],
  ['time_zone', 'timeZone'],
];

/**
 * What the automation engine needs to deliver and to hear about changes:
 *
 * - `messages.provider_response`: the server's own words when it took the message (SMTP's reply
 *   to the final dot, e.g. `250 2.0.0 Ok: queued as 4XkQ1`), next to the queue id in `provider_id`.
 * - `customer_change_feed`: one row per changed customer row, with the changed fields and their
 *   values before and after, written by a trigger so every path that updates a profile (the
 *   profile page, ingestion, CSV imports, automations, merges) feeds `customer-changed`
 *   automations without each having to remember to. Read in commit-safe order like the segment
 *   feed: by (transaction id, row id), up to the oldest transaction still running. An erased
 *   customer's own erasure writes nothing (its values must not survive it).
 */
export class AutomationDelivery1764520000000 implements MigrationInterface {
  name = 'AutomationDelivery1764520000000';

  async up(db: QueryRunner): Promise<void> {
    const fields = WATCHED_FIELDS.map(([column, field]) => `('${column}', '${field}')`).join(', ');
    await db.query(`
      ALTER TABLE messages ADD COLUMN provider_response text;

      CREATE TABLE customer_change_feed (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        -- { "<field>": { "before": …, "after": … } }, custom fields as "attributes.<key>".
        changes jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customer_change_feed_order_idx ON customer_change_feed (tx, id);
      CREATE INDEX customer_change_feed_customer_idx ON customer_change_feed (customer_id);

      CREATE FUNCTION record_customer_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_row jsonb := to_jsonb(OLD);
        new_row jsonb := to_jsonb(NEW);
        changes jsonb := '{}';
        watched record;
        attribute text;
      BEGIN
        FOR watched IN SELECT * FROM (VALUES ${fields}) AS w(col, field) LOOP
          IF old_row -> watched.col IS DISTINCT FROM new_row -> watched.col THEN
            changes := changes || jsonb_build_object(watched.field, jsonb_build_object('before', old_row -> watched.col, 'after', new_row -> watched.col));
          END IF;
        END LOOP;
        FOR attribute IN SELECT jsonb_object_keys(OLD.attributes || NEW.attributes) LOOP
          IF OLD.attributes -> attribute IS DISTINCT FROM NEW.attributes -> attribute THEN
            changes := changes || jsonb_build_object('attributes.' || attribute,
              jsonb_build_object('before', OLD.attributes -> attribute, 'after', NEW.attributes -> attribute));
          END IF;
        END LOOP;
        IF changes <> '{}' THEN
          INSERT INTO customer_change_feed (customer_id, changes) VALUES (NEW.id, changes);
        END IF;
        RETURN NULL;
      END $$;

      CREATE TRIGGER customers_change_feed AFTER UPDATE ON customers
        FOR EACH ROW WHEN (NEW.erased_at IS NULL AND OLD.erased_at IS NULL)
        EXECUTE FUNCTION record_customer_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER customers_change_feed ON customers;
      DROP FUNCTION record_customer_change();
      DROP TABLE customer_change_feed;
      ALTER TABLE messages DROP COLUMN provider_response;
    `);
  }
}
