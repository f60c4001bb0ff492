import type { MessageTracking, PrepareEmailInput, TrackedEmail } from '@marea/engine/tracking';
import { trackHtml } from './tracked-html';
import type { TrackingClaims, TrackingTokens } from './tracking-token';

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
    const link = (path: (token: string) => string, claims: TrackingClaims) => `${this.publicUrl}${path(this.tokens.sign(claims))}`;
    const ownLinks = `${this.publicUrl}/api/t/`;
    const tracked = trackHtml(
      html,
      // A link to Marea's own tracking routes (the unsubscribe link in the template) stays as is.
      (url) => (url.startsWith(ownLinks) ? null : link(TRACKING_PATHS.click, { purpose: 'click', messageId, customerId, url })),
      link(TRACKING_PATHS.open, { purpose: 'open', messageId, customerId }),
    );
    if (transactional) return { html: tracked };
    return { html: tracked, unsubscribeUrl: link(TRACKING_PATHS.unsubscribe, { purpose: 'unsubscribe', messageId, customerId }) };
  }
}
