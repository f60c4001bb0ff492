import type { DeliveryOutcome, EmailChannel, OutgoingEmail } from '@marea/engine/messaging';
import { composeEmail } from '../smtp/compose-email';
import type { OutboxStore } from './outbox-store';

/**
 * Email for the embedded default, when no SMTP server is configured: the message, composed
 * exactly as the SMTP channel would send it, is kept in the outbox, and nothing leaves the
 * machine. The hand-over runs in the transaction that stores it (the outbox's "final dot").
 */
export class OutboxEmailChannel implements EmailChannel {
  constructor(private readonly outbox: OutboxStore) {}

  async send(email: OutgoingEmail, handOver: () => Promise<void>): Promise<DeliveryOutcome> {
    const { raw, headers } = await composeEmail(email);
    const kept = await this.outbox.keep(
      {
        messageId: email.messageId,
        channel: 'email',
        customerId: email.customerId,
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers,
        rawMime: raw.toString('utf8'),
      },
      handOver,
    );
    return { kind: 'accepted', providerId: `outbox:${kept.id}`, response: kept.stored ? 'Kept in the outbox' : 'Already in the outbox' };
  }

  async close(): Promise<void> {
    // The outbox writes through the application's DataSource, which the application closes.
  }
}
