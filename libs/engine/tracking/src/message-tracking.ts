/** Makes an email trackable: links rewritten to signed click redirects, an open pixel, the unsubscribe URL. */
export interface MessageTracking {
  prepareEmail(input: PrepareEmailInput): TrackedEmail;
}

export interface PrepareEmailInput {
  /** The stable message id of the send decision (a retry carries the same). */
  readonly messageId: string;
  readonly customerId: string;
  readonly html: string;
  /** Transactional mail (an order confirmation) carries no unsubscribe link. */
  readonly transactional: boolean;
}

export interface TrackedEmail {
  readonly html: string;
  /** RFC 8058 one-click URL for `List-Unsubscribe`; absent for transactional mail. */
  readonly unsubscribeUrl?: string;
}
