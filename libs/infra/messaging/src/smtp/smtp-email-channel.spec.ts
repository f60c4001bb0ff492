import { randomUUID } from 'node:crypto';
import type { OutgoingEmail } from '@marea/engine/messaging';
import { startSmtpSink, type SmtpSink } from '@marea/testing';
import { parseSmtpUrl } from './smtp-server-address';
import { SmtpEmailChannel } from './smtp-email-channel';

const newsletter = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  messageId: `<${randomUUID()}@marea>`,
  from: 'Tienda Marea <news@shop.example>',
  to: 'ana@example.com',
  subject: 'Your cart is waiting, Ana',
  html: '<p>Hello <b>Ana</b>, your cart is waiting.</p>',
  text: 'Hello Ana, your cart is waiting.',
  unsubscribeUrl: 'https://shop.example/u/abc123',
  ...overrides,
});
const nothingToCommit = () => Promise.resolve();

describe('Email over SMTP, to a real SMTP server', () => {
  let sink: SmtpSink;
  let channel: SmtpEmailChannel;

  afterEach(async () => {
    await channel.close();
    await sink.close();
  });

  async function start(reply?: (recipient: string) => { code: number; message: string } | null, pool = 5, parseBodies = true) {
    sink = await startSmtpSink({ reply, parseBodies });
    channel = new SmtpEmailChannel(parseSmtpUrl(`${sink.url}?pool=${pool}`));
  }

  it('delivers HTML and text with the stable Message-ID and a one-click unsubscribe (RFC 8058)', async () => {
    await start();
    const email = newsletter();

    const outcome = await channel.send(email, nothingToCommit);

    expect(outcome).toMatchObject({ kind: 'accepted', response: expect.stringMatching(/^250 /) });
    const [received] = await sink.waitFor(1);
    expect(received).toMatchObject({
      messageId: email.messageId,
      from: 'news@shop.example',
      to: ['ana@example.com'],
      subject: 'Your cart is waiting, Ana',
      html: '<p>Hello <b>Ana</b>, your cart is waiting.</p>',
      text: 'Hello Ana, your cart is waiting.',
    });
    expect(received.headers['list-unsubscribe']).toBe('<https://shop.example/u/abc123>');
    expect(received.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it('sends transactional mail without unsubscribe headers', async () => {
    await start();
    await channel.send(newsletter({ unsubscribeUrl: undefined, subject: 'Your order #1042' }), nothingToCommit);

    const [received] = await sink.waitFor(1);
    expect(received.subject).toBe('Your order #1042');
    expect(received.headers['list-unsubscribe']).toBeUndefined();
    expect(received.headers['list-unsubscribe-post']).toBeUndefined();
  });

  it('sends the final dot only after the hand-over resolved: the server has nothing before', async () => {
    await start();
    let letGo!: () => void;
    let handedOver!: () => void;
    const handOverStarted = new Promise<void>((resolve) => (handedOver = resolve));
    const sending = channel.send(newsletter(), () => {
      handedOver();
      return new Promise<void>((resolve) => (letGo = resolve));
    });

    await handOverStarted;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages).toHaveLength(0);

    letGo();
    expect(await sending).toMatchObject({ kind: 'accepted' });
    expect(sink.messages).toHaveLength(1);
  });

  it('aborts the transaction when the hand-over fails: nothing is delivered, the failure surfaces, the channel goes on', async () => {
    await start();
    const commitFailed = new Error('could not commit the send decision');

    await expect(channel.send(newsletter({ subject: 'never delivered' }), () => Promise.reject(commitFailed))).rejects.toBe(commitFailed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages).toHaveLength(0);

    await channel.send(newsletter({ subject: 'delivered' }), nothingToCommit);
    expect((await sink.waitFor(1)).map((message) => message.subject)).toEqual(['delivered']);
  });

  it('a 4xx reply is retryable and a 5xx reply rejected, each with the server code and text; the hand-over never runs', async () => {
    await start((recipient) =>
      recipient.startsWith('busy') ? { code: 450, message: 'Mailbox busy, try later' } : recipient.startsWith('gone') ? { code: 550, message: 'No such user' } : null,
    );
    const handOver = jest.fn(nothingToCommit);

    const busy = await channel.send(newsletter({ to: 'busy@example.com' }), handOver);
    const gone = await channel.send(newsletter({ to: 'gone@example.com' }), handOver);
    const fine = await channel.send(newsletter({ to: 'fine@example.com' }), handOver);

    expect(busy).toEqual({ kind: 'retryable', code: '450', message: expect.stringContaining('Mailbox busy, try later') });
    expect(gone).toEqual({ kind: 'rejected', code: '550', message: expect.stringContaining('No such user') });
    expect(fine.kind).toBe('accepted');
    expect(handOver).toHaveBeenCalledTimes(1);
    expect(sink.messages.map((message) => message.to)).toEqual([['fine@example.com']]);
  });

  it('an address that is not one is rejected before anything is sent', async () => {
    await start();
    const handOver = jest.fn(nothingToCommit);
    expect(await channel.send(newsletter({ to: 'not an address' }), handOver)).toMatchObject({ kind: 'rejected', code: 'EENVELOPE' });
    expect(handOver).not.toHaveBeenCalled();
  });

  it('a server that cannot be reached is retryable', async () => {
    await start();
    await sink.close();
    const outcome = await channel.send(newsletter(), nothingToCommit);
    expect(outcome).toMatchObject({ kind: 'retryable' });
    sink = await startSmtpSink(); // afterEach closes it
  });

  it('reuses a few connections for many messages', async () => {
    await start(undefined, 3, false);

    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => channel.send(newsletter({ to: `customer${i}@example.com` }), nothingToCommit)));

    expect(outcomes.every((outcome) => outcome.kind === 'accepted')).toBe(true);
    const received = await sink.waitFor(60);
    expect(new Set(received.map((message) => message.messageId)).size).toBe(60);
    expect(sink.sessions).toBe(3);
    expect(channel.openConnections).toBe(3);
  });
});
