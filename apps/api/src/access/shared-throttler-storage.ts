import type { ThrottlerStorage } from '@nestjs/throttler';
import type { PgSharedRateLimit } from '@marea/infra/persistence';

/**
 * The throttler's counts kept in PostgreSQL (PgSharedRateLimit) instead of process memory, so a
 * limit holds across every Marea process on the database. The throttler's key already names
 * the route, the limit and the tracker (address and email, or the key).
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly limits: PgSharedRateLimit) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    const { allowed, msLeft } = await this.limits.hit(`${throttlerName}:${key}`, limit, ttl);
    const seconds = Math.max(1, Math.ceil(msLeft / 1000));
    return { totalHits: allowed ? 1 : limit + 1, timeToExpire: seconds, isBlocked: !allowed, timeToBlockExpire: allowed ? 0 : seconds };
  }
}
