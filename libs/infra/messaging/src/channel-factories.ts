import type { DataSource } from 'typeorm';
import type { EmailChannel, SmsChannel } from '@marea/engine/messaging';
import { OutboxEmailChannel } from './outbox/outbox-email-channel';
import { OutboxSmsChannel } from './outbox/outbox-sms-channel';
import { OutboxStore } from './outbox/outbox-store';
import { parseSmtpUrl } from './smtp/smtp-server-address';
import { SmtpEmailChannel } from './smtp/smtp-email-channel';
import { TwilioSmsChannel } from './sms/twilio-sms-channel';

/** The settings of the message channels, as named in the app's configuration (app-config.ts). */
export interface MessagingConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; absent: email goes to the built-in outbox. */
  readonly SMTP_URL?: string;
  /** The default sender of email, e.g. `Tienda Marea <news@shop.example>`. */
  readonly MAIL_FROM?: string;
  readonly TWILIO_ACCOUNT_SID?: string;
  readonly TWILIO_AUTH_TOKEN?: string;
  /** The SMS sender (E.164 number or alphanumeric id). */
  readonly TWILIO_FROM?: string;
  /** Another Twilio-compatible API base than api.twilio.com (a gateway, or a fake in tests). */
  readonly TWILIO_API_URL?: string;
}

/** What an SMS in the outbox shows as its sender when none is configured. */
const OUTBOX_SMS_SENDER = 'Marea';

/** Email over SMTP when `SMTP_URL` is set; otherwise the outbox, and nothing leaves the machine. */
export function createEmailChannel(config: MessagingConfig, dataSource: DataSource): EmailChannel {
  return config.SMTP_URL ? new SmtpEmailChannel(parseSmtpUrl(config.SMTP_URL)) : new OutboxEmailChannel(new OutboxStore(dataSource));
}

/** SMS with Twilio when its account, token and sender are all set; otherwise the outbox. */
export function createSmsChannel(config: MessagingConfig, dataSource: DataSource): SmsChannel {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = config;
  if (accountSid && authToken && from) {
    return new TwilioSmsChannel({ accountSid, authToken, from, apiBaseUrl: config.TWILIO_API_URL || undefined });
  }
  return new OutboxSmsChannel(new OutboxStore(dataSource), from || OUTBOX_SMS_SENDER);
}

/** Which channels the configuration selects, for the start-up log ("email: outbox, sms: twilio"). */
export function describeChannels(config: MessagingConfig): { readonly email: 'smtp' | 'outbox'; readonly sms: 'twilio' | 'outbox' } {
  return {
    email: config.SMTP_URL ? 'smtp' : 'outbox',
    sms: config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM ? 'twilio' : 'outbox',
  };
}
