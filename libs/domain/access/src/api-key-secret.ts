/**
 * API keys look like `marea_` + 43 base64url characters (256 random bits). The fixed start lets
 * secret scanners recognise a leaked key; the first 14 characters are kept in clear as its prefix,
 * so an admin can tell keys apart without the secret ever being stored.
 */
export const API_KEY_START = 'marea_';
const PREFIX_LENGTH = 14;
const SHAPE = /^marea_[A-Za-z0-9_-]{43}$/;

export function isApiKeyShaped(secret: string): boolean {
  return SHAPE.test(secret);
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

/** The key of an `Authorization: Bearer <key>` header, or null when the header holds none. */
export function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
