import type { DeliveryOutcome } from './delivery-outcome';

export interface OutgoingEmail {
  /** Stable per send decision (e.g. `<decision-uuid@marea>`): a retry carries the same Message-ID. */
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** https URL for RFC 8058 (`List-Unsubscribe: <url>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`). Absent only for transactional mail. */
  readonly unsubscribeUrl?: string;
  /** Whom the message is for: kept with it in the outbox (filter by customer). */
  readonly customerId?: string;
}

export interface EmailChannel {
  /**
   * Sends one email. `handOver` is called when the server has everything but the final
   * end-of-data dot: the engine commits "handed over" there, then the channel sends the dot.
   * If `handOver` throws, the channel aborts the SMTP transaction, so nothing is delivered.
   * This makes a crash leave either "not handed over, not delivered" or "handed over and
   * delivered" (the window between commit and the dot is a single socket write).
   */
  send(email: OutgoingEmail, handOver: () => Promise<void>): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}
