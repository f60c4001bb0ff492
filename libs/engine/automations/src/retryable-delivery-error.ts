/** A send the channel may accept later (SMTP 4xx, Twilio 429/5xx): thrown so the queue retries with back-off. */
export class RetryableDeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`delivery will be retried (${code}): ${message}`);
    this.name = 'RetryableDeliveryError';
  }
}

/** The message is no longer queued: another attempt (a raced or repeated job) has handed it over. */
export class MessageTakenError extends Error {
  constructor(readonly messageId: string) {
    super(`message ${messageId} is not queued: another attempt has it`);
    this.name = 'MessageTakenError';
  }
}
