import twilio from 'twilio';
import { classifyTwilioFailure, type DeliveryOutcome, type OutgoingSms, type SmsChannel } from '@marea/engine/messaging';
import { RebasedTwilioRequestClient } from './twilio-api-client';

export interface TwilioAccount {
  readonly accountSid: string;
  readonly authToken: string;
  /** The sender: a phone number in E.164 or an alphanumeric sender id. */
  readonly from: string;
  /** Another API base than Twilio's (`TWILIO_API_URL`), e.g. a local fake in tests. */
  readonly apiBaseUrl?: string;
}

/** What twilio-node throws: a RestException for an HTTP answer, an axios error without one. */
interface TwilioError extends Error {
  readonly status?: number;
  readonly code?: number | string;
}

/**
 * SMS with the twilio SDK. Twilio has no two-phase commit, so the hand-over runs just before
 * the request; the SDK's own retries are off, because the engine retries with its back-off
 * and keeps the count.
 */
export class TwilioSmsChannel implements SmsChannel {
  private readonly client: twilio.Twilio;

  constructor(private readonly account: TwilioAccount) {
    const requestOptions = { timeout: 15_000, keepAlive: true };
    const httpClient = account.apiBaseUrl ? new RebasedTwilioRequestClient(account.apiBaseUrl, requestOptions) : new twilio.RequestClient(requestOptions);
    this.client = twilio(account.accountSid, account.authToken, { httpClient, autoRetry: false });
  }

  async send(sms: OutgoingSms, handOver: () => Promise<void>): Promise<DeliveryOutcome> {
    await handOver();
    try {
      const message = await this.client.messages.create({ to: sms.to, from: this.account.from, body: sms.body });
      return { kind: 'accepted', providerId: message.sid, response: message.status };
    } catch (error) {
      const failure = error as TwilioError;
      const twilioCode = typeof failure.code === 'number' ? failure.code : undefined;
      const networkCode = typeof failure.code === 'string' ? failure.code : undefined;
      return classifyTwilioFailure(failure.status, twilioCode, failure.message, networkCode);
    }
  }

  async close(): Promise<void> {
    // Requests are one-shot; keep-alive sockets close on their own when idle.
  }
}
