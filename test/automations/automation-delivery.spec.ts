import { DataSource } from 'typeorm';
import { StepExecutor, enterAutomation } from '@marea/engine/automations';
import { startSmtpSink, startTwilioFake, useTestDatabase, type SmtpSink, type TwilioFake } from '@marea/testing';
import { assembleAutomationEngine, type AssembledAutomationEngine } from '@marea/infra/jobs';
import { PgAutomationCatalogue } from '@marea/infra/persistence';
import { campaignEmail, decisions, eventually, givenAutomation, givenCustomers, runsEnded, startEngine } from './automation-test-kit';

jest.setTimeout(90_000);

describe('delivery: retries, races and the other actions', () => {
  const db = useTestDatabase();
  let engine: AssembledAutomationEngine | undefined;
  const closers: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    for (const close of closers.splice(0)) await close();
  });

  it('retries an SMTP 4xx with back-off until accepted, and never retries a 5xx', async () => {
    let refusals = 0;
    const sink: SmtpSink = await startSmtpSink({
      reply: (to) => {
        if (to.startsWith('later') && refusals < 2) {
          refusals += 1;
          return { code: 451, message: 'mailbox busy, try later' };
        }
        return to.startsWith('never') ? { code: 550, message: 'no such user' } : null;
      },
    });
    closers.push(() => sink.close());
    const dataSource = db().dataSource;
    await givenCustomers(dataSource, [
      { ref: 'later', email: 'later@shop.test', emailConsent: true },
      { ref: 'never', email: 'never@shop.test', emailConsent: true },
    ]);
    const automation = await givenAutomation(dataSource, 'Retry me', campaignEmail());
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => runsEnded(dataSource, automation), Boolean, 30_000);

    const messages = await dataSource.query(
      `SELECT c.external_id AS customer, m.status, m.attempts, m.last_error FROM messages m JOIN customers c ON c.id = m.customer_id ORDER BY 1`,
    );
    expect(messages).toEqual([
      { customer: 'later', status: 'sent', attempts: 3, last_error: expect.stringContaining('451') },
      { customer: 'never', status: 'failed', attempts: 1, last_error: expect.stringContaining('550') },
    ]);
    expect(sink.messages.map((mail) => mail.to[0])).toEqual(['later@shop.test']);
    const [bounce] = await dataSource.query(`SELECT kind, detail FROM message_events WHERE kind = 'bounced'`);
    expect(bounce).toEqual({ kind: 'bounced', detail: expect.stringContaining('550') });
  });

  it('a message the SMTP server answered 250 is sent and delivered, with the server’s reply kept', async () => {
    const sink = await startSmtpSink();
    closers.push(() => sink.close());
    const dataSource = db().dataSource;
    await givenCustomers(dataSource, [{ ref: 'taken', email: 'taken@shop.test', emailConsent: true }]);
    const automation = await givenAutomation(
      dataSource,
      'Taken',
      campaignEmail({
        trigger: {
          kind: 'once',
          at: new Date(Date.now() - 1000).toISOString(),
          audience: { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'external_id', test: { op: 'equals', value: 'taken' } }] },
        },
      }),
    );
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => runsEnded(dataSource, automation), Boolean);

    const [message] = await dataSource.query(`SELECT id::text, status, provider_id, provider_response FROM messages WHERE automation_id = $1`, [automation]);
    expect(message).toEqual({ id: expect.any(String), status: 'sent', provider_id: expect.any(String), provider_response: expect.stringMatching(/^250 /) });
    const events = await dataSource.query(`SELECT kind, detail FROM message_events WHERE message_id = $1`, [message.id]);
    expect(events).toEqual([{ kind: 'delivered', detail: message.provider_response }]);
    const today = new Date().toISOString().slice(0, 10);
    const statistics = await new PgAutomationCatalogue(dataSource).statistics(automation, today, today);
    expect(statistics.automation.map((day) => ({ sent: day.counts.sent, delivered: day.counts.delivered }))).toEqual([{ sent: 1, delivered: 1 }]);
  });

  it('automations sending to one customer at the same instant respect a cap of one: one email goes out, the rest are capped', async () => {
    const sink = await startSmtpSink();
    closers.push(() => sink.close());
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [{ ref: 'popular', email: 'popular@shop.test', emailConsent: true }]);
    const count = 6;
    for (let n = 1; n <= count; n += 1) {
      await givenAutomation(dataSource, `Offer ${n}`, { ...campaignEmail(), trigger: { kind: 'segment-entered', segmentCode: 'popular' } });
    }

    // Two engines over two connection pools, as two processes would have; neither polls.
    const second = new DataSource({ type: 'postgres', url: (dataSource.options as { url: string }).url, extra: { max: 8 } });
    await second.initialize();
    closers.push(() => second.destroy());
    const options = {
      messaging: { SMTP_URL: sink.url, MAIL_FROM: 'Tienda <news@shop.test>' },
      caps: { email: { max: 1, days: 7 }, sms: null },
      publicUrl: 'https://shop.test',
      secret: 'a test secret that is long enough for signing',
    };
    const one = await assembleAutomationEngine(dataSource, options);
    const two = await assembleAutomationEngine(second, options);
    closers.push(() => one.close(), () => two.close());

    const automations = (await one.deps.store.liveAutomations(['segment-entered'])).filter(
      ({ definition: { trigger } }) => trigger.kind === 'segment-entered' && trigger.segmentCode === 'popular',
    );
    for (const automation of automations) await enterAutomation(one.deps, automation, ids['popular'], 'segment:1', {});
    const runs = await dataSource.query<{ id: string }[]>(`SELECT id::text FROM automation_runs WHERE customer_id = $1 ORDER BY id`, [ids['popular']]);
    expect(runs).toHaveLength(count);
    // Every step job at once, spread over both engines: each reads "0 emails this week" first.
    await Promise.all(runs.map((run, n) => new StepExecutor((n % 2 ? two : one).deps).execute({ runId: run.id, stepId: 'mail' })));

    const reasons = await dataSource.query<{ reason: string; detail: string | null }[]>(
      `SELECT reason, detail FROM automation_decisions WHERE step_id = 'mail' AND customer_id = $1 ORDER BY reason`,
      [ids['popular']],
    );
    expect(reasons.map((decision) => decision.reason)).toEqual(['capped', 'capped', 'capped', 'capped', 'capped', 'sent']);
    expect(reasons[0].detail).toBe('1 email messages in the last 7 days (cap 1)');
    await sink.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.map((mail) => mail.to[0])).toEqual(['popular@shop.test']);
    expect(await dataSource.query(`SELECT count(*)::int AS messages FROM messages WHERE customer_id = $1`, [ids['popular']])).toEqual([{ messages: 1 }]);
  });

  it('two executors racing on one step job record one decision and send one email', async () => {
    const sink = await startSmtpSink();
    closers.push(() => sink.close());
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [{ ref: 'race', email: 'race@shop.test', emailConsent: true }]);
    const automation = await givenAutomation(dataSource, 'Race', { ...campaignEmail(), trigger: { kind: 'segment-entered', segmentCode: 'race' } });

    // Two engines over two connection pools, as two processes would have; neither polls.
    const url = (dataSource.options as { url: string }).url;
    const second = new DataSource({ type: 'postgres', url, extra: { max: 4 } });
    await second.initialize();
    closers.push(() => second.destroy());
    const options = {
      messaging: { SMTP_URL: sink.url, MAIL_FROM: 'Tienda <news@shop.test>' },
      caps: { email: null, sms: null },
      publicUrl: 'https://shop.test',
      secret: 'a test secret that is long enough for signing',
    };
    const one = await assembleAutomationEngine(dataSource, options);
    const two = await assembleAutomationEngine(second, options);
    closers.push(() => one.close(), () => two.close());

    const live = (await one.deps.store.liveAutomations(['segment-entered'])).find((candidate) => candidate.id === automation)!;
    await Promise.all([enterAutomation(one.deps, live, ids['race'], 'segment:9', {}), enterAutomation(two.deps, live, ids['race'], 'segment:9', {})]);
    const [run] = await dataSource.query(`SELECT id::text FROM automation_runs WHERE automation_id = $1`, [automation]);
    const job = { runId: run.id, stepId: 'mail' };
    await Promise.all([new StepExecutor(one.deps).execute(job), new StepExecutor(two.deps).execute(job), new StepExecutor(one.deps).execute(job)]);

    expect(await decisions(dataSource, automation)).toEqual([
      { customer: 'race', step: '$entry', outcome: 'acted', reason: 'entered' },
      { customer: 'race', step: 'mail', outcome: 'acted', reason: 'sent' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.map((mail) => mail.to[0])).toEqual(['race@shop.test']);
    expect((await dataSource.query(`SELECT status FROM automation_runs WHERE id = $1`, [run.id]))[0].status).toBe('completed');
  });

  it('a flow branches on a rule, texts, creates the manager a task, updates attributes and notifies, each once', async () => {
    const sink = await startSmtpSink();
    const twilio: TwilioFake = await startTwilioFake({ reply: (to) => (to === '+15550000000' ? { status: 400, code: 21211, message: 'invalid number' } : null) });
    closers.push(() => sink.close(), () => twilio.close());
    const dataSource = db().dataSource;
    await givenCustomers(dataSource, [
      { ref: 'flow-ana', phone: '+34611111111', smsConsent: true, emailConsent: true, firstName: 'Ana' },
      { ref: 'flow-bad', phone: '+15550000000', smsConsent: true },
    ]);
    const automation = await givenAutomation(dataSource, 'VIP care', {
      version: 1,
      trigger: {
        kind: 'once',
        at: new Date(Date.now() - 1000).toISOString(),
        audience: { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'external_id', test: { op: 'starts_with', value: 'flow-' } }] },
      },
      start: 'has-phone',
      steps: {
        'has-phone': {
          kind: 'branch',
          rule: { version: 1, match: 'all', conditions: [{ kind: 'customer_field', field: 'phone', test: { op: 'starts_with', value: '+34' } }] },
          then: 'text',
          else: 'task',
        },
        text: { kind: 'action', action: { kind: 'sms', text: 'Hola {{customer.firstName}}, 20% para ti' }, next: 'tag' },
        tag: { kind: 'action', action: { kind: 'update-attributes', operations: [{ op: 'add-tag', tag: 'vip-texted' }] }, next: 'note' },
        note: { kind: 'action', action: { kind: 'notify', userId: null, message: '{{customer.firstName}} got the VIP text' } },
        task: { kind: 'action', action: { kind: 'task', title: 'Call {{customer.firstName}}', description: 'No Spanish phone', dueInDays: 2, priority: 'high' } },
      },
    });
    engine = await startEngine(dataSource, { smtpUrl: sink.url, twilio });
    await eventually(() => runsEnded(dataSource, automation), Boolean, 30_000);

    expect(twilio.messages.map((sms) => [sms.to, sms.body])).toEqual([['+34611111111', 'Hola Ana, 20% para ti']]);
    const [ana] = await dataSource.query(`SELECT tags FROM customers WHERE external_id = 'flow-ana'`);
    expect(ana.tags).toContain('vip-texted');
    const tasks = await dataSource.query(`SELECT t.title, t.priority, t.source_automation_name FROM tasks t JOIN customers c ON c.id = t.customer_id WHERE c.external_id = 'flow-bad'`);
    expect(tasks).toEqual([{ title: 'Call flow-bad', priority: 'high', source_automation_name: 'VIP care' }]);
    const steps = (await decisions(dataSource, automation)).map((d) => `${d.customer}:${d.step}:${d.reason}`);
    expect(steps).toEqual(['flow-ana:$entry:entered', 'flow-ana:text:sent', 'flow-ana:tag:sent', 'flow-ana:note:sent', 'flow-bad:$entry:entered', 'flow-bad:task:sent']);
  });
});

describe('events: custom-event triggers, waits keyed on the trigger, goals', () => {
  const db = useTestDatabase();
  let engine: AssembledAutomationEngine | undefined;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  it('a cart event starts a run that waits for the checkout of that same cart, then mails a thank-you', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [
      { ref: 'cart-ana', emailConsent: true, firstName: 'Ana' },
      { ref: 'cart-bo', emailConsent: true, firstName: 'Bo' },
    ]);
    const automation = await givenAutomation(dataSource, 'Cart follow-up', {
      version: 1,
      trigger: { kind: 'custom-event', eventName: 'add_to_cart', properties: [{ key: 'total', type: 'number', test: { op: 'gte', value: 50 } }] },
      reEntry: { kind: 'every-time' },
      start: 'checkout',
      steps: {
        checkout: { kind: 'wait-for-event', eventName: 'checkout', key: 'cartId', timeoutMinutes: 60, next: 'thanks', onTimeout: null },
        thanks: { kind: 'action', action: { kind: 'email', template: { subject: 'Thanks for cart {{trigger.cartId}}', html: '<p>Thanks</p>', text: 'Thanks' } } },
      },
    });
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => dataSource.query(`SELECT 1 FROM automation_trigger_cursors WHERE source = 'trigger:events'`), (rows: unknown[]) => rows.length === 1);

    let n = 0;
    const event = (customer: string, type: string, properties: Record<string, unknown>) =>
      dataSource.query(`INSERT INTO events (external_id, customer_id, type, occurred_at, properties) VALUES ($1, $2, $3, now(), $4)`, [
        `e-${(n += 1)}`,
        ids[customer],
        type,
        JSON.stringify(properties),
      ]);
    await event('cart-ana', 'add_to_cart', { cartId: 'A1', total: 80 });
    await event('cart-bo', 'add_to_cart', { cartId: 'B1', total: 20 }); // below the filter: no run
    await eventually(() => dataSource.query(`SELECT key_value FROM automation_waits`), (rows: unknown[]) => rows.length === 1);
    await event('cart-ana', 'checkout', { cartId: 'OTHER' }); // another cart: still waiting
    await event('cart-ana', 'checkout', { cartId: 'A1' });

    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({ to: ['cart-ana@shop.test'], subject: 'Thanks for cart A1' });
    await eventually(() => runsEnded(dataSource, automation), Boolean);
    expect(await dataSource.query(`SELECT c.external_id FROM automation_runs r JOIN customers c ON c.id = r.customer_id WHERE r.automation_id = $1`, [automation])).toEqual([
      { external_id: 'cart-ana' },
    ]);
  });

  it('a run ends when its goal is reached, before the next step', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [{ ref: 'goal-ana', emailConsent: true }]);
    await dataSource.query(`INSERT INTO events (external_id, customer_id, type, occurred_at, properties) VALUES ('goal-1', $1, 'subscribed', now() + interval '1 second', '{}')`, [ids['goal-ana']]);
    const automation = await givenAutomation(dataSource, 'Until subscribed', {
      ...campaignEmail(),
      trigger: { kind: 'segment-entered', segmentCode: 'leads' },
      goal: { kind: 'event', eventName: 'subscribed' },
    });
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    const [live] = await engine.deps.store.liveAutomations(['segment-entered']);
    await enterAutomation(engine.deps, live, ids['goal-ana'], 'segment:goal', {});
    await eventually(() => runsEnded(dataSource, automation), Boolean);

    expect((await decisions(dataSource, automation)).map((d) => `${d.step}:${d.reason}`)).toEqual(['$entry:entered', 'mail:goal-reached']);
    expect((await dataSource.query(`SELECT status FROM automation_runs WHERE automation_id = $1`, [automation]))[0].status).toBe('goal-reached');
    expect(sink.messages).toEqual([]);
  });
});

describe('dates of the customer', () => {
  const db = useTestDatabase();
  let engine: AssembledAutomationEngine | undefined;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  it('a birthday automation mails three days before the birthday, whatever the year, once that day', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [
      { ref: 'bday-soon', emailConsent: true },
      { ref: 'bday-today', emailConsent: true },
      { ref: 'bday-none', emailConsent: true },
    ]);
    const [{ soon, today }] = await dataSource.query(
      `SELECT to_char((now() AT TIME ZONE timezone)::date + 3 - interval '30 years', 'YYYY-MM-DD') AS soon,
              to_char((now() AT TIME ZONE timezone)::date - interval '20 years', 'YYYY-MM-DD') AS today FROM account`,
    );
    await dataSource.query(`UPDATE customers SET birth_date = $2 WHERE id = $1`, [ids['bday-soon'], soon]);
    await dataSource.query(`UPDATE customers SET birth_date = $2 WHERE id = $1`, [ids['bday-today'], today]);
    const automation = await givenAutomation(dataSource, 'Birthday', {
      ...campaignEmail(),
      trigger: { kind: 'customer-date', field: 'birth_date', daysBefore: 3 },
      reEntry: { kind: 'every-time' },
    });
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => runsEnded(dataSource, automation), Boolean);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the source polls again: the day is already done

    expect(sink.messages.map((mail) => mail.to[0])).toEqual(['bday-soon@shop.test']);
    expect((await decisions(dataSource, automation)).map((d) => `${d.customer}:${d.step}`)).toEqual(['bday-soon:$entry', 'bday-soon:mail']);
  });
});

describe('segment entries and exits from the segment feed', () => {
  const db = useTestDatabase();
  let engine: AssembledAutomationEngine | undefined;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  it('an entry into VIP starts the welcome, an exit starts the win-back, each for that customer only', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [
      { ref: 'feed-ana', emailConsent: true, firstName: 'Ana' },
      { ref: 'feed-bo', emailConsent: true, firstName: 'Bo' },
    ]);
    const [vip] = await dataSource.query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('vip', 'VIP', 'dynamic', '{}', 1) RETURNING id`);
    const mail = (subject: string) => ({ kind: 'action', action: { kind: 'email', template: { subject, html: `<p>${subject}</p>`, text: subject } } }) as const;
    const welcome = await givenAutomation(dataSource, 'VIP welcome', { ...campaignEmail(), trigger: { kind: 'segment-entered', segmentCode: 'vip' }, steps: { mail: mail('Welcome to VIP') } });
    const winBack = await givenAutomation(dataSource, 'VIP win-back', { ...campaignEmail(), trigger: { kind: 'segment-exited', segmentCode: 'vip' }, steps: { mail: mail('We miss you') } });
    await dataSource.query(`INSERT INTO segment_feed (segment_id, customer_id, change, at) VALUES ($1, $2, 'entered', now()), ($1, $3, 'exited', now())`, [
      vip.id,
      ids['feed-ana'],
      ids['feed-bo'],
    ]);
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(async () => (await runsEnded(dataSource, welcome)) && (await runsEnded(dataSource, winBack)), Boolean);

    const received = await sink.waitFor(2);
    expect(received.map((m) => `${m.to[0]}: ${m.subject}`).sort()).toEqual(['feed-ana@shop.test: Welcome to VIP', 'feed-bo@shop.test: We miss you']);
  });
});
