import { randomUUID } from 'node:crypto';
import { startSmtpSink, startTwilioFake, useTestDatabase } from '@marea/testing';
import { createEmailChannel, createSmsChannel, describeChannels } from './channel-factories';
import { OutboxStore } from './outbox/outbox-store';

const db = useTestDatabase();
const nothingToCommit = () => Promise.resolve();
const email = (subject: string) => ({ messageId: `<${randomUUID()}@marea>`, from: 'news@shop.example', to: 'ana@example.com', subject, html: '<p>Hi</p>', text: 'Hi' });
const sms = (body: string) => ({ messageId: `<${randomUUID()}@marea>`, to: '+34611111111', body });

describe('Choosing the channels from the configuration', () => {
  it('without SMTP_URL or Twilio settings, email and SMS go to the outbox and nowhere else', async () => {
    const emailChannel = createEmailChannel({ MAIL_FROM: 'news@shop.example' }, db().dataSource);
    const smsChannel = createSmsChannel({ TWILIO_ACCOUNT_SID: 'AC123' /* no token, no sender */ }, db().dataSource);

    await emailChannel.send(email('Only in the outbox'), nothingToCommit);
    await smsChannel.send(sms('Only in the outbox too'), nothingToCommit);

    const kept = await new OutboxStore(db().dataSource).list({ limit: 10 });
    expect(kept.items.map((item) => [item.channel, item.subject || item.from])).toEqual([
      ['sms', 'Marea'],
      ['email', 'Only in the outbox'],
    ]);
  });

  it('with SMTP_URL, email goes to that server', async () => {
    const sink = await startSmtpSink();
    const channel = createEmailChannel({ SMTP_URL: sink.url }, db().dataSource);
    try {
      await channel.send(email('Over SMTP'), nothingToCommit);
      expect((await sink.waitFor(1)).map((message) => message.subject)).toEqual(['Over SMTP']);
    } finally {
      await channel.close();
      await sink.close();
    }
  });

  it('with the Twilio settings and TWILIO_API_URL, SMS go to that API', async () => {
    const twilio = await startTwilioFake();
    const channel = createSmsChannel(
      { TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_FROM: '+34600000000', TWILIO_API_URL: twilio.baseUrl },
      db().dataSource,
    );
    try {
      await channel.send(sms('Over Twilio'), nothingToCommit);
      expect(twilio.messages.map((message) => message.body)).toEqual(['Over Twilio']);
    } finally {
      await channel.close();
      await twilio.close();
    }
  });

  it('says which channels a configuration selects, for the start-up log', () => {
    expect(describeChannels({})).toEqual({ email: 'outbox', sms: 'outbox' });
    expect(describeChannels({ SMTP_URL: 'smtp://mail.example', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+34600000000' })).toEqual({ email: 'smtp', sms: 'twilio' });
  });

  it('a malformed SMTP_URL fails at start, saying what is wrong', () => {
    expect(() => createEmailChannel({ SMTP_URL: 'http://mail.example' }, db().dataSource)).toThrow('SMTP_URL must start with smtp:// or smtps://');
    expect(() => createEmailChannel({ SMTP_URL: 'smtp://mail.example?pool=0' }, db().dataSource)).toThrow('pool must be a whole number from 1 to 100');
  });
});
