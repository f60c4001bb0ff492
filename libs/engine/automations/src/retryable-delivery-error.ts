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
