import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data model of PRODUCT.md §1. Internal keys are bigint identities (compact at 10M rows);
 * integrators address everything by `external_id`. docs/architecture.md lists which query each
 * index serves.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        name text NOT NULL,
        currency char(3) NOT NULL,
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO account (name, currency, timezone) VALUES ('My shop', 'EUR', 'UTC');

      CREATE TABLE users (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'marketer', 'manager')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE stores (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        name text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('ecommerce', 'store')),
        currency char(3) NOT NULL,
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE currency_rates (
        currency char(3) NOT NULL,
        rate_date date NOT NULL,
        rate numeric(20, 10) NOT NULL CHECK (rate > 0),
        PRIMARY KEY (currency, rate_date)
      );
      COMMENT ON COLUMN currency_rates.rate IS 'account-currency units for one unit of currency on rate_date';

      CREATE TABLE custom_fields (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE customers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        first_name text,
        last_name text,
        document_number text,
        email text,
        phone text,
        birth_date date,
        gender text CHECK (gender IN ('female', 'male', 'other')),
        city text,
        country text,
        language text,
        tags text[] NOT NULL DEFAULT '{}',
        attributes jsonb NOT NULL DEFAULT '{}',
        manager_id bigint REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customers_email_idx ON customers (lower(email));
      CREATE INDEX customers_phone_idx ON customers (phone);
      CREATE INDEX customers_tags_idx ON customers USING gin (tags);
      CREATE INDEX customers_attributes_idx ON customers USING gin (attributes jsonb_path_ops);
      CREATE INDEX customers_manager_idx ON customers (manager_id) WHERE manager_id IS NOT NULL;
      -- month * 100 + day: "birthday in the next N days, ignoring the year" is a range scan on it.
      CREATE FUNCTION month_day(d date) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
        RETURN (extract(month FROM d) * 100 + extract(day FROM d))::integer;
      CREATE INDEX customers_birthday_idx ON customers (month_day(birth_date)) WHERE birth_date IS NOT NULL;

      -- Every external id, email and phone a customer is known by. After a merge the absorbed
      -- profile's ids keep resolving to the survivor.
      CREATE TABLE customer_identities (
        kind text NOT NULL CHECK (kind IN ('external_id', 'email', 'phone')),
        value text NOT NULL,
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        PRIMARY KEY (kind, value, customer_id)
      );
      CREATE UNIQUE INDEX customer_identities_external_id_key ON customer_identities (value) WHERE kind = 'external_id';
      CREATE INDEX customer_identities_customer_idx ON customer_identities (customer_id);

      CREATE TABLE consents (
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        status text NOT NULL CHECK (status IN ('given', 'withdrawn')),
        changed_at timestamptz NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (customer_id, channel)
      );
      CREATE INDEX consents_channel_status_idx ON consents (channel, status);

      CREATE TABLE consent_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        status text NOT NULL CHECK (status IN ('given', 'withdrawn')),
        changed_at timestamptz NOT NULL,
        source text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (customer_id, channel, changed_at, status)
      );

      CREATE TABLE categories (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        path text NOT NULL UNIQUE,
        name text NOT NULL,
        parent_id integer REFERENCES categories (id)
      );
      COMMENT ON COLUMN categories.path IS 'names from the root joined by " > ", e.g. "Hogar > Cocina"';

      CREATE TABLE products (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        name text NOT NULL,
        price numeric(14, 4) CHECK (price >= 0),
        currency char(3),
        image_url text,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX products_attributes_idx ON products USING gin (attributes jsonb_path_ops);

      CREATE TABLE product_categories (
        product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        category_id integer NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
        PRIMARY KEY (product_id, category_id)
      );
      CREATE INDEX product_categories_category_idx ON product_categories (category_id, product_id);

      CREATE TABLE orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        customer_id bigint NOT NULL REFERENCES customers (id),
        store_id integer NOT NULL REFERENCES stores (id),
        channel text NOT NULL CHECK (channel IN ('ecommerce', 'store')),
        kind text NOT NULL CHECK (kind IN ('sale', 'return')),
        status text NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'completed', 'cancelled')),
        returned_order_id bigint REFERENCES orders (id),
        ordered_at timestamptz NOT NULL,
        currency char(3) NOT NULL,
        subtotal numeric(14, 2) NOT NULL,
        discount_total numeric(14, 2) NOT NULL DEFAULT 0,
        tax_total numeric(14, 2) NOT NULL DEFAULT 0,
        shipping_total numeric(14, 2) NOT NULL DEFAULT 0,
        total numeric(14, 2) NOT NULL,
        cost_total numeric(14, 2),
        margin numeric(14, 2),
        item_quantity numeric(14, 3) NOT NULL,
        fx_rate numeric(20, 10) NOT NULL,
        total_account numeric(14, 2) GENERATED ALWAYS AS (round(total * fx_rate, 2)) STORED,
        margin_account numeric(14, 2) GENERATED ALWAYS AS (round(margin * fx_rate, 2)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'sale' AND total >= 0) OR (kind = 'return' AND total <= 0))
      );
      COMMENT ON COLUMN orders.total IS 'what the customer paid: after discounts, tax included; negative for a return';
      COMMENT ON COLUMN orders.fx_rate IS 'account-currency units per order-currency unit on the order date';
      CREATE INDEX orders_customer_time_idx ON orders (customer_id, ordered_at)
        INCLUDE (kind, status, store_id, channel, total_account, margin_account);
      CREATE INDEX orders_time_idx ON orders USING brin (ordered_at);
      CREATE INDEX orders_store_time_idx ON orders (store_id, ordered_at);
      CREATE INDEX orders_returned_idx ON orders (returned_order_id) WHERE returned_order_id IS NOT NULL;

      CREATE TABLE order_lines (
        order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        line_no integer NOT NULL,
        product_id bigint NOT NULL REFERENCES products (id),
        quantity numeric(12, 3) NOT NULL,
        unit_price numeric(14, 4) NOT NULL CHECK (unit_price >= 0),
        discount numeric(14, 2) NOT NULL DEFAULT 0,
        tax numeric(14, 2) NOT NULL DEFAULT 0,
        total numeric(14, 2) NOT NULL,
        cost numeric(14, 2),
        PRIMARY KEY (order_id, line_no)
      );
      CREATE INDEX order_lines_product_idx ON order_lines (product_id, order_id);

      CREATE TABLE carts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        store_id integer REFERENCES stores (id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ordered', 'abandoned')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX carts_customer_idx ON carts (customer_id, updated_at);
      CREATE INDEX carts_open_idx ON carts (updated_at) WHERE status = 'open';

      CREATE TABLE cart_items (
        cart_id bigint NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        product_id bigint NOT NULL REFERENCES products (id),
        quantity numeric(12, 3) NOT NULL CHECK (quantity > 0),
        unit_price numeric(14, 4) NOT NULL CHECK (unit_price >= 0),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (cart_id, product_id)
      );

      CREATE TABLE favourites (
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        product_id bigint NOT NULL REFERENCES products (id),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, product_id)
      );

      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL,
        customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        visit_id text,
        store_id integer REFERENCES stores (id),
        page_url text,
        properties jsonb NOT NULL DEFAULT '{}'
      );
      CREATE UNIQUE INDEX events_external_id_key ON events (external_id);
      CREATE INDEX events_customer_type_time_idx ON events (customer_id, type, occurred_at);
      CREATE INDEX events_type_time_idx ON events (type, occurred_at);
      CREATE INDEX events_visit_idx ON events (customer_id, visit_id, occurred_at) WHERE visit_id IS NOT NULL;

      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entity text NOT NULL CHECK (entity IN ('customers', 'products', 'orders')),
        file_name text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        accepted_rows integer NOT NULL DEFAULT 0,
        rejected_rows integer NOT NULL DEFAULT 0,
        error text,
        worker text,
        heartbeat_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX import_jobs_queue_idx ON import_jobs (created_at) WHERE status IN ('queued', 'running');

      CREATE TABLE import_files (
        job_id uuid PRIMARY KEY REFERENCES import_jobs (id) ON DELETE CASCADE,
        content bytea NOT NULL
      );

      CREATE TABLE import_rejects (
        job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        field text,
        message text NOT NULL,
        raw text,
        PRIMARY KEY (job_id, row_number, message)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE import_rejects, import_files, import_jobs, events, favourites, cart_items, carts,
        order_lines, orders, product_categories, products, categories, consent_changes, consents,
        customer_identities, customers, custom_fields, currency_rates, stores, users, account;
      DROP FUNCTION month_day(date);
    `);
  }
}
