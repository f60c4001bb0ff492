import { startSmtpSink, useTestDatabase, type SmtpSink } from '@marea/testing';
import { enterAutomation } from '@marea/engine/automations';
import type { AssembledAutomationEngine } from '@marea/infra/jobs';
import { campaignEmail, decisions, eventually, givenAutomation, givenCustomers, runsEnded, startEngine } from './automation-test-kit';

jest.setTimeout(60_000);

describe('automations send what they should, to whom they should, once', () => {
  const db = useTestDatabase();
  let sink: SmtpSink;
  let engine: AssembledAutomationEngine | undefined;

  beforeEach(async () => {
    sink = await startSmtpSink({ reply: (to) => (to.startsWith('gone') ? { code: 550, message: 'no such mailbox' } : null) });
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  it('a one-off campaign emails only those with consent and an address, and says why for the others', async () => {
    const dataSource = db().dataSource;
    await givenCustomers(dataSource, [
      { ref: 'ana', emailConsent: true, firstName: 'Ana' },
      { ref: 'bo', emailConsent: false },
      { ref: 'cy' },
      { ref: 'di', email: null, emailConsent: true },
      { ref: 'ed', emailConsent: true, email: 'ed@blocked.test' },
      { ref: 'gone', emailConsent: true, email: 'gone@shop.test' },
    ]);
    await dataSource.query(`INSERT INTO suppressions (channel, address, reason) VALUES ('email', 'ed@blocked.test', 'complaint')`);
    const automation = await givenAutomation(dataSource, 'Spring sale', campaignEmail());

    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => runsEnded(dataSource, automation), Boolean);

    expect(sink.messages.map((mail) => [mail.to, mail.subject])).toEqual([[['ana@shop.test'], 'Hello Ana']]);
    expect(sink.messages[0].headers['list-unsubscribe']).toMatch(/^<https:\/\/shop\.test\//);
    expect(sink.messages[0].headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect((await decisions(dataSource, automation)).filter((d) => d.step === 'mail')).toEqual([
      { customer: 'ana', step: 'mail', outcome: 'acted', reason: 'sent' },
      { customer: 'bo', step: 'mail', outcome: 'skipped', reason: 'no-consent' },
      { customer: 'cy', step: 'mail', outcome: 'skipped', reason: 'no-consent' },
      { customer: 'di', step: 'mail', outcome: 'skipped', reason: 'no-address' },
      { customer: 'ed', step: 'mail', outcome: 'skipped', reason: 'suppressed' },
      { customer: 'gone', step: 'mail', outcome: 'acted', reason: 'sent' },
    ]);
    const [bounce] = await dataSource.query(`SELECT m.status, m.last_error FROM messages m JOIN customers c ON c.id = m.customer_id WHERE c.external_id = 'gone'`);
    expect(bounce).toEqual({ status: 'failed', last_error: expect.stringContaining('550') });
  });
});

describe('policies: caps, quiet hours, re-entry, and the other actions', () => {
  const db = useTestDatabase();
  let sink: SmtpSink;
  let engine: AssembledAutomationEngine | undefined;

  beforeEach(async () => {
    sink = await startSmtpSink({ reply: (to) => (to.startsWith('busy') ? { code: 451, message: 'try again later' } : null) });
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await sink.close();
  });

  it('caps marketing mail per customer and lets transactional mail through; both recorded with their reason', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [
      { ref: 'ana', emailConsent: true },
      { ref: 'bo', emailConsent: true },
    ]);
    // Ana already had three marketing emails this week.
    const earlier = await givenAutomation(dataSource, 'Earlier', campaignEmail(), 'inactive');
    for (let n = 0; n < 3; n += 1) {
      const [decision] = await dataSource.query(
        `INSERT INTO automation_decisions (automation_id, version, customer_id, occurrence, step_id, outcome, reason) VALUES ($1, 1, $2, $3, 'mail', 'acted', 'sent') RETURNING id`,
        [earlier, ids['ana'], `earlier-${n}`],
      );
      await dataSource.query(
        `INSERT INTO messages (id, decision_id, automation_id, step_id, channel, customer_id, address, body, status) VALUES (gen_random_uuid(), $1, $2, 'mail', 'email', $3, 'ana@shop.test', 'x', 'sent')`,
        [decision.id, earlier, ids['ana']],
      );
    }
    const marketing = await givenAutomation(dataSource, 'Weekly news', campaignEmail());
    const receipt = await givenAutomation(dataSource, 'Receipt', campaignEmail({ channel: { transactional: true } }));

    engine = await startEngine(dataSource, { smtpUrl: sink.url }, { email: { max: 3, days: 7 }, sms: null } as never);
    await eventually(async () => (await runsEnded(dataSource, marketing)) && (await runsEnded(dataSource, receipt)), Boolean);

    expect((await decisions(dataSource, marketing)).filter((d) => d.step === 'mail')).toEqual([
      { customer: 'ana', step: 'mail', outcome: 'skipped', reason: 'capped' },
      { customer: 'bo', step: 'mail', outcome: 'acted', reason: 'sent' },
    ]);
    expect((await decisions(dataSource, receipt)).filter((d) => d.step === 'mail').map((d) => d.reason)).toEqual(['sent', 'sent']);
    const transactional = sink.messages.filter((mail) => mail.to[0] === 'ana@shop.test');
    expect(transactional).toHaveLength(1);
    expect(transactional[0].headers['list-unsubscribe']).toBeUndefined();
  });

  it('quiet hours in the customer’s zone defer one automation and drop in another, with the reason in the trace', async () => {
    const dataSource = db().dataSource;
    // Quiet all day except one minute that is not now: always quiet for the test.
    const now = new Date();
    const awake = `${String((now.getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
    const quiet = { start: `${String((now.getUTCHours() + 12) % 24).padStart(2, '0')}:01`, end: awake };
    await givenCustomers(dataSource, [{ ref: 'quiet-ana', emailConsent: true, timeZone: 'UTC' }]);
    const deferring = await givenAutomation(dataSource, 'Deferring', campaignEmail({ channel: { quietHours: quiet, quietHoursPolicy: 'defer' } }));
    const dropping = await givenAutomation(dataSource, 'Dropping', campaignEmail({ channel: { quietHours: quiet, quietHoursPolicy: 'drop' } }));

    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    await eventually(() => runsEnded(dataSource, dropping), Boolean);
    const deferral = await eventually(
      () =>
        dataSource.query<{ reason: string; until: Date }[]>(
          `SELECT f.reason, f.until FROM automation_deferrals f JOIN automation_runs r ON r.id = f.run_id JOIN customers c ON c.id = r.customer_id
           WHERE r.automation_id = $1 AND c.external_id = 'quiet-ana'`,
          [deferring],
        ),
      (rows) => rows.length === 1,
    );

    expect((await decisions(dataSource, dropping)).filter((d) => d.step === 'mail' && d.customer === 'quiet-ana')).toEqual([{ customer: 'quiet-ana', step: 'mail', outcome: 'skipped', reason: 'quiet-hours-dropped' }]);
    expect(deferral[0].reason).toBe('quiet-hours-deferred');
    expect(new Date(deferral[0].until).getUTCHours()).toBe(Number(awake.slice(0, 2)));
    expect((await decisions(dataSource, deferring)).filter((d) => d.step === 'mail')).toEqual([]);
    expect(sink.messages).toHaveLength(0);
  });

  it('a segment entry starts a run once; re-entry follows the policy and never runs twice at once', async () => {
    const dataSource = db().dataSource;
    const ids = await givenCustomers(dataSource, [{ ref: 'vip-ana', emailConsent: true }]);
    const once = await givenAutomation(dataSource, 'Welcome once', { ...campaignEmail(), trigger: { kind: 'segment-entered', segmentCode: 'VIP' } });
    const monthly = await givenAutomation(dataSource, 'At most monthly', {
      ...campaignEmail(),
      trigger: { kind: 'segment-entered', segmentCode: 'VIP' },
      reEntry: { kind: 'at-most-once-per', days: 30 },
    });
    const every = await givenAutomation(dataSource, 'Every time', {
      ...campaignEmail(),
      trigger: { kind: 'segment-entered', segmentCode: 'VIP' },
      reEntry: { kind: 'every-time' },
    });
    engine = await startEngine(dataSource, { smtpUrl: sink.url });
    // Two entries into the VIP segment, as the segment feed source hands them over.
    const automations = await engine.deps.store.liveAutomations(['segment-entered']);
    for (const occurrence of ['segment:1', 'segment:2']) {
      for (const automation of automations) {
        await enterAutomation(engine.deps, automation, ids['vip-ana'], occurrence, {});
      }
      await eventually(async () => (await runsEnded(dataSource, once)) && (await runsEnded(dataSource, monthly)) && (await runsEnded(dataSource, every)), Boolean);
    }
    const entries = async (automation: string) => (await decisions(dataSource, automation)).filter((d) => d.step === '$entry').map((d) => d.reason);
    expect(await entries(once)).toEqual(['entered', 're-entry-once']);
    expect(await entries(monthly)).toEqual(['entered', 're-entry-too-soon']);
    expect(await entries(every)).toEqual(['entered', 'entered']);
  });
});
