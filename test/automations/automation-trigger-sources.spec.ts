import { startMareaProcess, startSmtpSink, useTestDatabase, type MareaProcess, type SmtpSink } from '@marea/testing';
import type { AssembledAutomationEngine } from '@marea/infra/jobs';
import { decisions, eventually, givenAutomation, startEngine } from './automation-test-kit';

jest.setTimeout(90_000);

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** The built server as a shop's integration and a user on the profile page speak to it (as its first admin). */
interface Shop {
  batch(resource: string, items: unknown[]): Promise<{ status: number; body: { created?: number } }>;
  send(method: string, path: string, body: unknown): Promise<{ status: number }>;
}

async function shopOf(marea: MareaProcess): Promise<Shop> {
  const { headers } = await marea.signIn();
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${marea.url}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };
  return { batch: (resource, items) => send('POST', `/api/v1/${resource}`, { items }), send };
}

/**
 * A shop sending its data through the ingestion API of the built server (its own engine off), an
 * engine of the test's, and a real SMTP server.
 */
describe('trigger sources fed by ingestion and profile edits', () => {
  const db = useTestDatabase();
  let marea: MareaProcess;
  let api: Shop;
  let sink: SmtpSink;
  let engine: AssembledAutomationEngine | undefined;

  beforeAll(async () => {
    marea = await startMareaProcess({ DATABASE_URL: db().url, SEED_DEMO: 'off', AUTOMATION_ENGINE: 'off' });
    api = await shopOf(marea);
  });
  afterAll(async () => {
    await marea?.stop();
  });
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  async function givenShoppers(refs: string[]): Promise<void> {
    await api.batch('stores', [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }]);
    await api.batch(
      'customers',
      refs.map((ref) => ({ externalId: ref, firstName: ref[0].toUpperCase() + ref.slice(1), email: `${ref}@shop.test` })),
    );
    await api.batch(
      'consents',
      refs.map((ref) => ({ customerExternalId: ref, channel: 'email', status: 'given', changedAt: hoursAgo(24), source: 'checkout' })),
    );
    await api.batch('products', [
      { externalId: 'pot', name: 'Terracotta pot', price: 5 },
      { externalId: 'soil', name: 'Potting soil', price: 7.5 },
    ]);
  }

  it('a cart left for N hours without an order gets one reminder per cart version, listing its lines', async () => {
    await givenShoppers(['ana', 'bo', 'cy']);
    const automation = await givenAutomation(db().dataSource, 'Forgot something?', {
      version: 1,
      trigger: { kind: 'cart-abandoned', hours: 2 },
      reEntry: { kind: 'every-time' },
      start: 'remind',
      steps: {
        remind: {
          kind: 'action',
          action: {
            kind: 'email',
            template: {
              subject: 'Your cart {{trigger.cart.id}} is waiting',
              html: '<ul>{{#each trigger.cart.lines}}<li>{{quantity}} × {{name}}</li>{{/each}}</ul>',
              text: '{{#each trigger.cart.lines}}{{quantity}} x {{name}}; {{/each}}total {{trigger.cart.total}} {{trigger.cart.currency}}',
            },
          },
        },
      },
    });
    const cartEvent = (customer: string, id: string, sku: string, quantity: number, at: string) => ({
      externalId: id,
      customerExternalId: customer,
      type: 'add_to_cart',
      occurredAt: at,
      properties: { sku, quantity, cartId: `web-${customer}` },
    });
    await api.batch('events', [
      // Ana left her cart three hours ago.
      cartEvent('ana', 'e-1', 'pot', 2, hoursAgo(3.2)),
      cartEvent('ana', 'e-2', 'soil', 1, hoursAgo(3)),
      // Bo left his too, but ordered an hour later: not abandoned.
      cartEvent('bo', 'e-3', 'pot', 1, hoursAgo(3)),
      // Cy is still shopping.
      cartEvent('cy', 'e-4', 'pot', 1, hoursAgo(0.5)),
    ]);
    const order = await api.batch('orders', [{ externalId: 'o-bo', customerExternalId: 'bo', storeExternalId: 'web', orderedAt: hoursAgo(2.5), lines: [{ sku: 'pot', quantity: 1, unitPrice: 5 }] }]);
    expect(order.body.created).toBe(1);
    expect(await db().dataSource.query(`SELECT external_id, status FROM carts ORDER BY external_id`)).toEqual([
      { external_id: 'web-ana', status: 'open' },
      { external_id: 'web-bo', status: 'ordered' },
      { external_id: 'web-cy', status: 'open' },
    ]);

    engine = await startEngine(db().dataSource, { smtpUrl: sink.url });
    const [reminder] = await sink.waitFor(1, 20_000);
    expect(reminder.to).toEqual(['ana@shop.test']);
    expect(reminder.subject).toBe('Your cart web-ana is waiting');
    expect(reminder.text).toContain('2 x Terracotta pot; 1 x Potting soil; total 17.5 EUR');

    // Scans go on; the same cart version fires nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.messages).toHaveLength(1);

    // Ana comes back, adds to the same cart and leaves again: a new version, a new reminder.
    await api.batch('events', [cartEvent('ana', 'e-5', 'soil', 1, hoursAgo(2.1))]);
    const reminders = await sink.waitFor(2, 20_000);
    expect(reminders[1].text).toContain('2 x Terracotta pot; 2 x Potting soil; total 25 EUR');
    expect((await decisions(db().dataSource, automation)).map((d) => `${d.customer}:${d.step}:${d.reason}`)).toEqual([
      'ana:$entry:entered',
      'ana:remind:sent',
      'ana:$entry:entered',
      'ana:remind:sent',
    ]);
  });

  it('a profile changed by ingestion or on the profile page fires the automations watching those fields, with before and after', async () => {
    await givenShoppers(['dana', 'eli']);
    const automation = await givenAutomation(db().dataSource, 'Moved city', {
      version: 1,
      trigger: { kind: 'customer-changed', fields: ['city', 'attributes.tier'] },
      reEntry: { kind: 'every-time' },
      start: 'mail',
      steps: {
        mail: {
          kind: 'action',
          action: {
            kind: 'email',
            template: {
              subject: 'Changed: {{#each trigger.fields}}{{#if @index}}, {{/if}}{{this}}{{/each}}',
              html: '<p>Hi</p>',
              text: '{{#with (lookup trigger.changes "city")}}from {{default before "nowhere"}} to {{after}}{{/with}}',
            },
          },
        },
      },
    });
    engine = await startEngine(db().dataSource, { smtpUrl: sink.url });
    // A new engine reads changes from the newest on: wait until it has taken its place.
    await eventually(() => engine!.deps.store.triggerPosition('trigger:customer-changes'), (position) => position !== null);

    // Ingestion moves Dana to Sevilla; Eli's phone changes, which nobody watches.
    await api.batch('customers', [
      { externalId: 'dana', city: 'Sevilla' },
      { externalId: 'eli', phone: '+34600000001' },
    ]);
    const [moved] = await sink.waitFor(1, 20_000);
    expect(moved.to).toEqual(['dana@shop.test']);
    expect(moved.subject).toBe('Changed: city');
    expect(moved.text).toContain('from nowhere to Sevilla');

    // On the profile page, a user moves Eli to Cádiz.
    const [eli] = await db().dataSource.query<{ id: string }[]>(`SELECT id::text FROM customers WHERE external_id = 'eli'`);
    const edit = await api.send('PATCH', `/api/v1/customers/${eli.id}`, { city: 'Cádiz' });
    expect(edit.status).toBe(200);
    const mails = await sink.waitFor(2, 20_000);
    expect(mails[1]).toMatchObject({ to: ['eli@shop.test'], subject: 'Changed: city' });
    expect(mails[1].text).toContain('from nowhere to Cádiz');

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messages).toHaveLength(2);
    expect((await decisions(db().dataSource, automation)).filter((d) => d.step === '$entry').map((d) => d.customer)).toEqual(['dana', 'eli']);
  });
});
