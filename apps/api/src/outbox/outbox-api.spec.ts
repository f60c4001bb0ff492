import { randomUUID } from 'node:crypto';
import { createEmailChannel, createSmsChannel } from '@marea/infra/messaging';
import { useTestDatabase } from '@marea/testing';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

describe('the outbox API: what the embedded default kept instead of sending', () => {
  const db = useTestDatabase();
  let marketer: ApiUnderTest;
  let ana: string;
  let bruno: string;
  const handedOver = () => Promise.resolve();

  beforeAll(async () => {
    marketer = await startApi(db(), {}, { as: 'marketer' });
    expect((await marketer.as({ key: 'admin' }).then((admin) => admin.batch('customers', [{ externalId: 'ana' }, { externalId: 'bruno' }]))).body).toMatchObject({ rejected: 0 });
    [{ id: ana }, { id: bruno }] = await marketer.rows<{ id: string }>(`SELECT id::text FROM customers WHERE external_id IN ('ana', 'bruno') ORDER BY external_id`);

    // No SMTP_URL, no Twilio: the channels the app would build keep everything in the outbox.
    const email = createEmailChannel({}, db().dataSource);
    const sms = createSmsChannel({ TWILIO_FROM: '+34600000000' }, db().dataSource);
    const message = (customerId: string, subject: string) => ({
      messageId: `<${randomUUID()}@marea>`, customerId, from: 'Tienda <news@shop.example>', to: `${customerId}@example.com`, subject,
      html: `<p>${subject} &amp; more</p>`, text: `${subject} & more`, unsubscribeUrl: 'https://shop.example/u/t0ken',
    });
    await email.send(message(ana, 'Welcome, Ana'), handedOver);
    await email.send(message(bruno, 'Welcome, Bruno'), handedOver);
    await sms.send({ messageId: `<${randomUUID()}@marea>`, customerId: ana, to: '+34611111111', body: 'Your order ships today' }, handedOver);
    await email.send(message(ana, 'Your cart is waiting'), handedOver);
  });
  afterAll(() => marketer?.close());

  it('lists messages newest first, a page at a time', async () => {
    const first = await marketer.send('GET', '/api/v1/outbox?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { subject: string; channel: string }) => `${item.channel}:${item.subject}`)).toEqual([
      'email:Your cart is waiting',
      'sms:',
      'email:Welcome, Bruno',
    ]);
    const rest = await marketer.send('GET', `/api/v1/outbox?limit=3&before=${first.body.nextBefore}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ subject: 'Welcome, Ana', customerId: ana })], nextBefore: null });
  });

  it('filters by customer and by channel', async () => {
    const anas = await marketer.send('GET', `/api/v1/outbox?customerId=${ana}&channel=email`);
    expect(anas.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Your cart is waiting', 'Welcome, Ana']);
    const texts = await marketer.send('GET', '/api/v1/outbox?channel=sms');
    expect(texts.body.items).toEqual([expect.objectContaining({ channel: 'sms', customerId: ana, from: '+34600000000', to: '+34611111111' })]);
  });

  it('shows one message as received: headers, HTML and text', async () => {
    const [{ id }] = await marketer.rows<{ id: string }>(`SELECT id::text FROM outbox_messages WHERE subject = 'Welcome, Bruno'`);
    const answer = await marketer.send('GET', `/api/v1/outbox/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id,
      channel: 'email',
      customerId: bruno,
      subject: 'Welcome, Bruno',
      html: '<p>Welcome, Bruno &amp; more</p>',
      text: 'Welcome, Bruno & more',
      headers: { 'list-unsubscribe': '<https://shop.example/u/t0ken>', 'list-unsubscribe-post': 'List-Unsubscribe=One-Click', 'message-id': expect.stringMatching(/@marea>$/) },
    });
  });

  it('says what is wrong with a bad filter, and when a message does not exist', async () => {
    const bad = await marketer.send('GET', '/api/v1/outbox?channel=fax&limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_OUTBOX_QUERY');
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['channel', 'limit']);

    const missing = await marketer.send('GET', '/api/v1/outbox/999999');
    expect(missing).toEqual({ status: 404, body: { error: { code: 'OUTBOX_MESSAGE_NOT_FOUND', message: 'There is no message 999999 in the outbox' } } });
  });
});
