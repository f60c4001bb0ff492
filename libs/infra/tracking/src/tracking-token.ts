import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a tracking link is for; part of the signed text, so an open token cannot unsubscribe. */
export type TrackingPurpose = 'open' | 'click' | 'unsubscribe';

interface MessageOfCustomer {
  readonly messageId: string;
  readonly customerId: string;
}

export type TrackingClaims =
  | (MessageOfCustomer & { readonly purpose: 'open' })
  | (MessageOfCustomer & { readonly purpose: 'unsubscribe' })
  | (MessageOfCustomer & { readonly purpose: 'click'; readonly url: string });

const PURPOSES: readonly string[] = ['open', 'click', 'unsubscribe'];
/** Versions the signed text, so a future format never verifies as this one. */
const CONTEXT = 'marea-tracking-v1';

/**
 * Signed tokens in tracking links: base64url(JSON claims) '.' base64url(HMAC-SHA256). The
 * claims travel in the link (nothing to look up), and the MAC over the message id, the
 * customer id, the purpose and — for a click — the destination means a token cannot be forged
 * or bent to another message, customer, purpose or URL: the click route redirects only to a URL
 * Marea signed, so it is no open redirect.
 */
export class TrackingTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The tracking secret must be at least 32 characters long');
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(claims: TrackingClaims): string {
    const fields = [claims.purpose, claims.messageId, claims.customerId, ...(claims.purpose === 'click' ? [claims.url] : [])];
    const payload = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a token this secret signed; null for anything else (tampered, truncated, foreign). */
  verify(token: string): TrackingClaims | null {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const payload = token.slice(0, dot);
    // Compared as text, so each token has exactly one valid spelling.
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(payload), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return readClaims(Buffer.from(payload, 'base64url').toString('utf8'));
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(`${CONTEXT}.${payload}`).digest('base64url');
  }
}

/** Only reached for text this secret signed; still checked, so a bug in sign() cannot leak through. */
function readClaims(json: string): TrackingClaims | null {
  let fields: unknown;
  try {
    fields = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) return null;
  const [purpose, messageId, customerId, url] = fields as string[];
  if (!PURPOSES.includes(purpose)) return null;
  if (purpose === 'click') return fields.length === 4 ? { purpose, messageId, customerId, url } : null;
  return fields.length === 3 ? { purpose: purpose as 'open' | 'unsubscribe', messageId, customerId } : null;
}
