import { randomUUID } from 'node:crypto';
import type { OutgoingEmail } from '@marea/engine/messaging';
import { useTestDatabase } from '@marea/testing';
import { OutboxEmailChannel } from './outbox-email-channel';
import { OutboxSmsChannel } from './outbox-sms-channel';
import { OutboxStore } from './outbox-store';

const db = useTestDatabase();
const nothingToCommit = () => Promise.resolve();

async function customer(externalId: string): Promise<string> {
  const [row]: { id: string }[] = await db().dataSource.query(`INSERT INTO customers (external_id) VALUES ($1) RETURNING id::text`, [externalId]);
  return row.id;
}

const welcome = (customerId: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  messageId: `<${randomUUID()}@marea>`,
  from: 'Tienda Marea <news@shop.example>',
  to: 'ana@example.com',
  subject: 'Welcome, Ana',
  html: '<h1>Welcome</h1><p>10% off your first order.</p>',
  text: 'Welcome! 10% off your first order.',
  unsubscribeUrl: 'https://shop.example/u/xyz',
  customerId,
  ...overrides,
});

describe('The outbox: email and SMS kept instead of sent', () => {
  it('keeps the email as received: headers (with the one-click unsubscribe), HTML, text and raw MIME', async () => {
    const store = new OutboxStore(db().dataSource);
    const ana = await customer('outbox-ana');
    const email = welcome(ana);

    const outcome = await new OutboxEmailChannel(store).send(email, nothingToCommit);

    expect(outcome).toMatchObject({ kind: 'accepted', response: 'Kept in the outbox' });
    const page = await store.list({ customerId: ana, limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ messageId: email.messageId, channel: 'email', customerId: ana, to: 'ana@example.com', subject: 'Welcome, Ana' })]);
    const kept = await store.get(page.items[0].id);
    expect(kept).toMatchObject({ html: email.html, text: email.text, from: email.from });
    expect(kept?.headers).toMatchObject({
      'message-id': email.messageId,
      subject: 'Welcome, Ana',
      'list-unsubscribe': '<https://shop.example/u/xyz>',
      'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
    });
    const [{ raw_mime }]: { raw_mime: string }[] = await db().dataSource.query(`SELECT raw_mime FROM outbox_messages WHERE id = $1`, [page.items[0].id]);
    expect(raw_mime).toContain('Content-Type: multipart/alternative');
  });

  it('stores a retried message once: same Message-ID, same outbox entry', async () => {
    const store = new OutboxStore(db().dataSource);
    const bea = await customer('outbox-bea');
    const email = welcome(bea, { to: 'bea@example.com' });
    const channel = new OutboxEmailChannel(store);

    const first = await channel.send(email, nothingToCommit);
    const retry = await channel.send(email, nothingToCommit);

    expect(retry).toEqual({ kind: 'accepted', providerId: first.kind === 'accepted' ? first.providerId : '', response: 'Already in the outbox' });
    expect((await store.list({ customerId: bea, limit: 10 })).items).toHaveLength(1);
  });

  it('keeps nothing when the hand-over fails, and the failure surfaces', async () => {
    const store = new OutboxStore(db().dataSource);
    const cleo = await customer('outbox-cleo');
    const commitFailed = new Error('could not commit the send decision');

    await expect(new OutboxEmailChannel(store).send(welcome(cleo), () => Promise.reject(commitFailed))).rejects.toBe(commitFailed);

    expect((await store.list({ customerId: cleo, limit: 10 })).items).toEqual([]);
  });

  it('many sends at once whose hand-over needs a connection of the same pool all complete', async () => {
    const store = new OutboxStore(db().dataSource);
    const fay = await customer('outbox-fay');
    const channel = new OutboxEmailChannel(store);
    // The engine's hand-over commits through the same pool (8 connections in tests).
    const handOver = () => db().dataSource.query('SELECT pg_sleep(0.02)').then(() => undefined);

    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => channel.send(welcome(fay, { subject: `Flash sale ${i}` }), handOver)));

    expect(outcomes.every((outcome) => outcome.kind === 'accepted')).toBe(true);
    expect((await store.list({ customerId: fay, limit: 50 })).items).toHaveLength(30);
  });

  it('keeps SMS too, filterable by channel', async () => {
    const store = new OutboxStore(db().dataSource);
    const dani = await customer('outbox-dani');
    await new OutboxEmailChannel(store).send(welcome(dani, { to: 'dani@example.com' }), nothingToCommit);

    const outcome = await new OutboxSmsChannel(store, '+34600000000').send({ messageId: `<${randomUUID()}@marea>`, to: '+34611111111', body: 'Your order shipped', customerId: dani }, nothingToCommit);

    expect(outcome.kind).toBe('accepted');
    const sms = await store.list({ customerId: dani, channel: 'sms', limit: 10 });
    expect(sms.items).toEqual([expect.objectContaining({ channel: 'sms', from: '+34600000000', to: '+34611111111', subject: '' })]);
    expect(await store.get(sms.items[0].id)).toMatchObject({ text: 'Your order shipped', html: '', headers: {} });
  });

  it('pages newest first without gaps or repeats', async () => {
    const store = new OutboxStore(db().dataSource);
    const eva = await customer('outbox-eva');
    const channel = new OutboxEmailChannel(store);
    for (let i = 1; i <= 5; i += 1) await channel.send(welcome(eva, { subject: `Issue ${i}` }), nothingToCommit);

    const first = await store.list({ customerId: eva, limit: 2 });
    const second = await store.list({ customerId: eva, limit: 2, before: first.nextBefore ?? undefined });
    const last = await store.list({ customerId: eva, limit: 2, before: second.nextBefore ?? undefined });

    expect([...first.items, ...second.items, ...last.items].map((item) => item.subject)).toEqual(['Issue 5', 'Issue 4', 'Issue 3', 'Issue 2', 'Issue 1']);
    expect(last.nextBefore).toBeNull();
  });
});
