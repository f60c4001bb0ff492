/** What a channel reports after one attempt. The engine retries `retryable`, never `rejected`. */
export type DeliveryOutcome =
  | { readonly kind: 'accepted'; readonly providerId: string; readonly response: string }
  | { readonly kind: 'retryable'; readonly code: string; readonly message: string } // SMTP 4xx, connection lost, Twilio 429/5xx
  | { readonly kind: 'rejected'; readonly code: string; readonly message: string }; // SMTP 5xx, Twilio 4xx (e.g. 21211 invalid number)
