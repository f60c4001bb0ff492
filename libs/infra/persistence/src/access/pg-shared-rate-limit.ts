import type { DataSource } from 'typeorm';

/** Whether one more request fits its limit, and when the current window ends. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Milliseconds until the window ends and the limit starts over. */
  msLeft: number;
}

/** Hits taken from the shared counter at a time: 1% of the limit (at least 1). */
const LEASE_SHARE = 0.01;
const SWEEP_EVERY_MS = 60_000;

interface Lease {
  /** When the window ends, on this process's clock. */
  endsAt: number;
  /** Hits this process took from the shared counter and has not used yet. */
  left: number;
  /** The shared counter has nothing more to give in this window. */
  spent: boolean;
}

/**
 * Fixed-window rate limits shared by every Marea process on the database (`rate_limit_hits`),
 * so two API processes behind a balancer allow the limit once, not twice.
 *
 * Asking PostgreSQL on every request would put a statement on the ingestion path, so a process
 * takes hits in leases of 1% of the limit with one `INSERT … ON CONFLICT … RETURNING` and serves
 * them from memory: with the default 20,000 ingestion requests a minute, one statement per 200
 * requests. The counter never grants more than the limit in a window, so the limit holds
 * across processes exactly; what a process took and did not use is lost when the window ends,
 * so all processes together may be refused up to one lease each before the limit (1% per
 * process). Small limits (sign-in: 10) lease one hit at a time, and are exact. Once the counter
 * is spent, refusals cost nothing until the window ends. Windows follow the database's clock.
 */
export class PgSharedRateLimit {
  private readonly leases = new Map<string, Lease>();
  private readonly pending = new Map<string, Promise<void>>();
  private lastSweep = 0;

  constructor(
    private readonly db: DataSource,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Counts one request under `key` against `limit` per window of `windowMs`. */
  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    for (;;) {
      const now = Date.now();
      const lease = this.leases.get(key);
      if (lease && lease.endsAt > now) {
        if (lease.left > 0) {
          lease.left -= 1;
          return { allowed: true, msLeft: lease.endsAt - now };
        }
        if (lease.spent) return { allowed: false, msLeft: lease.endsAt - now };
      }
      // Concurrent requests of one key wait for one lease instead of each taking their own.
      const inFlight = this.pending.get(key);
      if (inFlight) {
        await inFlight;
        continue;
      }
      const taking = this.takeLease(key, limit, windowMs).finally(() => this.pending.delete(key));
      this.pending.set(key, taking);
      await taking;
    }
  }

  private async takeLease(key: string, limit: number, windowMs: number): Promise<void> {
    const size = Math.max(1, Math.floor(limit * LEASE_SHARE));
    const [{ hits, ms_left: msLeft }] = await this.db.query<{ hits: string; ms_left: number }[]>(
      `INSERT INTO rate_limit_hits AS counter (key, window_ends_at, hits)
       VALUES ($1, to_timestamp((floor(extract(epoch FROM now()) * 1000 / $2) + 1) * $2 / 1000.0), $3)
       ON CONFLICT (key, window_ends_at) DO UPDATE SET hits = counter.hits + EXCLUDED.hits
       RETURNING hits, ceil(extract(epoch FROM counter.window_ends_at - now()) * 1000)::int AS ms_left`,
      [key, windowMs, size],
    );
    const before = Number(hits) - size;
    const granted = Math.max(0, Math.min(size, limit - before));
    this.leases.set(key, { endsAt: Date.now() + Math.max(1, msLeft), left: granted, spent: granted < size });
    this.sweep();
  }

  /** Forgets ended windows, here and in the table, at most once a minute per process. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, lease] of this.leases) if (lease.endsAt <= now) this.leases.delete(key);
    // Not awaited: no request waits for housekeeping.
    this.db.query(`DELETE FROM rate_limit_hits WHERE window_ends_at < now()`).catch(this.onError);
  }
}
