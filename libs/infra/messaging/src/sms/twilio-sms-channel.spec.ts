import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutgoingSms } from '@marea/engine/messaging';
import { startTwilioFake, type TwilioFake } from '@marea/testing';
import { TwilioSmsChannel } from './twilio-sms-channel';

const reminder = (to: string): OutgoingSms => ({ messageId: `<${randomUUID()}@marea>`, to, body: 'Hola Ana, your order #1042 ships today.' });
const nothingToCommit = () => Promise.resolve();

describe('SMS with the twilio SDK, against a local Twilio-compatible server', () => {
  let fake: TwilioFake;
  afterEach(() => fake.close());

  const channelFor = (server: TwilioFake, authToken = server.authToken) =>
    new TwilioSmsChannel({ accountSid: server.accountSid, authToken, from: '+34600000000', apiBaseUrl: server.baseUrl });

  it('sends the SMS after the hand-over and reports Twilio’s message sid', async () => {
    fake = await startTwilioFake();
    const order: string[] = [];

    const outcome = await channelFor(fake).send(reminder('+34611111111'), async () => {
      order.push(`handed over with ${fake.messages.length} messages at Twilio`);
    });

    expect(order).toEqual(['handed over with 0 messages at Twilio']);
    expect(fake.messages).toEqual([{ sid: expect.stringMatching(/^SM/), to: '+34611111111', from: '+34600000000', body: 'Hola Ana, your order #1042 ships today.' }]);
    expect(outcome).toEqual({ kind: 'accepted', providerId: fake.messages[0].sid, response: 'queued' });
  });

  it('an invalid number (21211) and an unsubscribed recipient (21610) are rejected with Twilio’s code', async () => {
    fake = await startTwilioFake({
      reply: (to) =>
        to === '+1555' ? { status: 400, code: 21211, message: "The 'To' number +1555 is not a valid phone number." }
        : to === '+34622222222' ? { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' }
        : null,
    });
    const channel = channelFor(fake);

    expect(await channel.send(reminder('+1555'), nothingToCommit)).toEqual({ kind: 'rejected', code: '21211', message: "The 'To' number +1555 is not a valid phone number." });
    expect(await channel.send(reminder('+34622222222'), nothingToCommit)).toEqual({ kind: 'rejected', code: '21610', message: 'Attempt to send to unsubscribed recipient' });
    expect(fake.messages).toEqual([]);
  });

  it('too many requests (429) and server errors (503) are retryable', async () => {
    fake = await startTwilioFake({
      reply: (to) => (to === '+34633333333' ? { status: 429, code: 20429, message: 'Too Many Requests' } : { status: 503, code: 20503, message: 'Service unavailable' }),
    });
    const channel = channelFor(fake);

    expect(await channel.send(reminder('+34633333333'), nothingToCommit)).toEqual({ kind: 'retryable', code: '20429', message: 'Too Many Requests' });
    expect(await channel.send(reminder('+34644444444'), nothingToCommit)).toMatchObject({ kind: 'retryable', code: '20503' });
  });

  it('wrong credentials are rejected (20003), not retried forever', async () => {
    fake = await startTwilioFake();
    expect(await channelFor(fake, 'not-the-token').send(reminder('+34611111111'), nothingToCommit)).toMatchObject({ kind: 'rejected', code: '20003' });
  });

  it('an API that cannot be reached is retryable', async () => {
    fake = await startTwilioFake();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const channel = new TwilioSmsChannel({ accountSid: fake.accountSid, authToken: fake.authToken, from: '+34600000000', apiBaseUrl: `http://127.0.0.1:${port}` });

    expect(await channel.send(reminder('+34611111111'), nothingToCommit)).toMatchObject({ kind: 'retryable', code: 'ECONNREFUSED' });
  });

  it('a failing hand-over sends nothing', async () => {
    fake = await startTwilioFake();
    const commitFailed = new Error('could not commit the send decision');
    await expect(channelFor(fake).send(reminder('+34611111111'), () => Promise.reject(commitFailed))).rejects.toBe(commitFailed);
    expect(fake.messages).toEqual([]);
  });
});
