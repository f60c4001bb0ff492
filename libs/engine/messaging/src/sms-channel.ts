import type { DeliveryOutcome } from './delivery-outcome';

export interface OutgoingSms {
  readonly messageId: string;
  readonly to: string; // E.164
  readonly body: string;
  /** Whom the message is for: kept with it in the outbox (filter by customer). */
  readonly customerId?: string;
}

export interface SmsChannel {
  /** `handOver` is called just before the HTTP request (an SMS API has no two-phase commit). */
  send(sms: OutgoingSms, handOver: () => Promise<void>): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}
