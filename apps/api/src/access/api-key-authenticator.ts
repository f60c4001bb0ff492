import { isApiKeyShaped, type KeyPrincipal } from '@marea/domain/access';
import { PgApiKeyStore, secretDigest } from '@marea/infra/persistence';

const CACHE_MS = 10_000;
const CACHE_MAX_KEYS = 1_000;
const LAST_USED_EVERY_MS = 60_000;

/**
 * Finds the integration behind a bearer key. Ingestion sends thousands of requests a minute
 * with the same key, so an answer (found or not) is kept in process for 10 seconds, and
 * `last_used_at` is written at most once a minute per key. A key revoked here leaves the cache
 * at once; another process of Marea notices within the 10 seconds.
 */
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { principal: KeyPrincipal | null; until: number }>();
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    private readonly keys: PgApiKeyStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  async principal(secret: string): Promise<KeyPrincipal | null> {
    if (!isApiKeyShaped(secret)) return null;
    const digest = secretDigest(secret).toString('base64');
    const now = Date.now();
    let cached = this.cache.get(digest);
    if (!cached || cached.until < now) {
      if (this.cache.size >= CACHE_MAX_KEYS) this.cache.clear();
      cached = { principal: await this.keys.principal(secret), until: now + CACHE_MS };
      this.cache.set(digest, cached);
    }
    if (cached.principal) this.markUsed(cached.principal.keyId, now);
    return cached.principal;
  }

  forget(keyId: string): void {
    for (const [digest, entry] of this.cache) if (entry.principal?.keyId === keyId) this.cache.delete(digest);
  }

  private markUsed(keyId: string, now: number): void {
    if (now - (this.lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(keyId, now);
    // Not awaited: the request does not wait for bookkeeping.
    this.keys.markUsed(keyId).catch(this.onError);
  }
}
