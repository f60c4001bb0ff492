import type { ClientBase } from 'pg';
import type { DemoShop } from '@marea/domain/demo-shop';
import { copyInto } from './copy-into';
import { CopyBuffer } from './copy-buffer';

/**
 * The shop's small tables: account, managers, stores, currency rates, custom fields, the
 * category tree and the catalogue. Returns the users.id of every manager number.
 */
export async function loadReferenceData(client: ClientBase, shop: DemoShop, createdAtMs: number): Promise<Map<number, string>> {
  await client.query('UPDATE account SET name = $1, currency = $2, timezone = $3', [shop.account.name, shop.account.currency, shop.account.timezone]);

  // Managers may already exist (a previous seed, or people who sign in): keep them, reuse their ids.
  await client.query(
    `INSERT INTO users (email, name, role)
     SELECT email, name, 'manager' FROM unnest($1::text[], $2::text[]) AS m(email, name)
     ON CONFLICT (lower(email)) DO NOTHING`,
    [shop.managers.map((m) => m.email), shop.managers.map((m) => m.name)],
  );
  const users = await client.query<{ id: string; email: string }>('SELECT id, lower(email) AS email FROM users WHERE lower(email) = ANY($1)', [
    shop.managers.map((m) => m.email.toLowerCase()),
  ]);
  const idByEmail = new Map(users.rows.map((row) => [row.email, row.id]));
  const managerIds = new Map(shop.managers.map((m) => [m.number, idByEmail.get(m.email.toLowerCase()) ?? '']));

  await client.query(
    `INSERT INTO custom_fields (key, label, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (key) DO NOTHING`,
    [shop.customFields.map((f) => f.key), shop.customFields.map((f) => f.label), shop.customFields.map((f) => f.type)],
  );
  await client.query(
    `INSERT INTO currency_rates (currency, rate_date, rate) SELECT * FROM unnest($1::text[], $2::date[], $3::numeric[])
     ON CONFLICT (currency, rate_date) DO UPDATE SET rate = excluded.rate`,
    [shop.currencyRates.map((r) => r.currency), shop.currencyRates.map((r) => r.date), shop.currencyRates.map((r) => r.rate)],
  );

  const rows = (write: (buffer: CopyBuffer) => void) => {
    const buffer = new CopyBuffer();
    write(buffer);
    return buffer.take();
  };
  await copyInto(client, 'stores', ['id', 'external_id', 'name', 'channel', 'currency', 'timezone', 'created_at', 'updated_at'], rows((b) => {
    for (const s of shop.stores) {
      b.int(s.id).tab().text(s.externalId).tab().text(s.name).tab().ascii(s.channel).tab().ascii(s.currency).tab().text(s.timezone).tab().instant(createdAtMs).tab().instant(createdAtMs).end();
    }
  }));
  await copyInto(client, 'categories', ['id', 'path', 'name', 'parent_id'], rows((b) => {
    for (const c of shop.categories) {
      b.int(c.id).tab().text(c.path).tab().text(c.name).tab();
      if (c.parentId === null) b.nul().end();
      else b.int(c.parentId).end();
    }
  }));
  await copyInto(client, 'products', ['id', 'external_id', 'name', 'price', 'currency', 'image_url', 'attributes', 'created_at', 'updated_at'], rows((b) => {
    for (const p of shop.products) {
      const attributes = JSON.stringify({ ...p.attributes, cost: p.costCents / 100 });
      b.int(p.id).tab().text(p.externalId).tab().text(p.name).tab().cents(p.priceCents).tab().ascii(p.currency).tab().text(p.imageUrl).tab().text(attributes).tab().instant(createdAtMs).tab().instant(createdAtMs).end();
    }
  }));
  await copyInto(client, 'product_categories', ['product_id', 'category_id'], rows((b) => {
    for (const p of shop.products) for (const categoryId of p.categoryIds) b.int(p.id).tab().int(categoryId).end();
  }));
  return managerIds;
}
