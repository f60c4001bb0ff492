import { startSmtpSink, useTestDatabase, type SmtpSink } from '@marea/testing';
import type { AssembledAutomationEngine } from '../../apps/api/src/automations/automation-engine-assembly';
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
