import type { DeliveryOutcome, OutgoingSms, SmsChannel } from '@marea/engine/messaging';
import type { OutboxStore } from './outbox-store';

/** SMS while Twilio is not configured: kept in the outbox, like email without SMTP. */
export class OutboxSmsChannel implements SmsChannel {
  constructor(
    private readonly outbox: OutboxStore,
    /** The sender the SMS would show (`TWILIO_FROM`, or a placeholder when unset). */
    private readonly from: string,
  ) {}

  async send(sms: OutgoingSms, handOver: () => Promise<void>): Promise<DeliveryOutcome> {
    const kept = await this.outbox.keep(
      { messageId: sms.messageId, channel: 'sms', customerId: sms.customerId, from: this.from, to: sms.to, subject: '', html: '', text: sms.body, headers: {}, rawMime: null },
      handOver,
    );
    return { kind: 'accepted', providerId: `outbox:${kept.id}`, response: kept.stored ? 'Kept in the outbox' : 'Already in the outbox' };
  }

  async close(): Promise<void> {
    // Nothing of its own to close: see OutboxEmailChannel.
  }
}
