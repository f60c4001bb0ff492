import type { MessageTracking, PrepareEmailInput, TrackedEmail } from '@marea/engine/tracking';
import { trackHtml } from './tracked-html';
import type { TrackingTokens } from './tracking-token';

/** Where the tracking routes answer, below the public URL of the app. */
export const TRACKING_PATHS = {
  open: (token: string) => `/api/t/o/${token}.gif`,
  click: (token: string) => `/api/t/c/${token}`,
  unsubscribe: (token: string) => `/api/t/u/${token}`,
} as const;

/**
 * Makes an email trackable with signed links under `publicUrl` (the address recipients reach
 * Marea at, setting PUBLIC_URL): every http(s) link goes through the click redirect, an open
 * pixel is appended, and marketing mail gets its one-click unsubscribe URL.
 */
export class SignedMessageTracking implements MessageTracking {
  private readonly publicUrl: string;

  constructor(
    private readonly tokens: TrackingTokens,
    publicUrl: string,
  ) {
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  prepareEmail({ messageId, customerId, html, transactional }: PrepareEmailInput): TrackedEmail {
    const ours = `${this.publicUrl}/api/t/`;
    const tracked = trackHtml(
      html,
      // A link to Marea's own tracking routes (the unsubscribe link in the template) stays as is.
      (url) => (url.startsWith(ours) ? null : this.url(TRACKING_PATHS.click(this.tokens.sign({ purpose: 'click', messageId, customerId, url })))),
      this.url(TRACKING_PATHS.open(this.tokens.sign({ purpose: 'open', messageId, customerId }))),
    );
    if (transactional) return { html: tracked };
    const unsubscribeUrl = this.url(TRACKING_PATHS.unsubscribe(this.tokens.sign({ purpose: 'unsubscribe', messageId, customerId })));
    return { html: tracked, unsubscribeUrl };
  }

  private url(path: string): string {
    return `${this.publicUrl}${path}`;
  }
}
