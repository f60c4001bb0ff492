export type SuppressionChannel = 'email' | 'sms';

/** Suppression list: addresses that never get a message on a channel (hard bounces, complaints, manual). */
export interface SuppressionList {
  isSuppressed(channel: SuppressionChannel, address: string): Promise<boolean>;
  suppress(channel: SuppressionChannel, address: string, reason: string): Promise<void>;
}
