import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: session tokens, CSRF tokens, invitation tokens, API keys. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a high-entropy secret. A slow hash (argon2) protects guessable passwords; a random
 * 256-bit secret cannot be guessed, so one fast hash is as safe and keeps every request cheap.
 */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
