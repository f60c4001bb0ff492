import type { DataSource } from 'typeorm';
import { useTestDatabase } from '@marea/testing';
import { PgSharedRateLimit } from './pg-shared-rate-limit';

const MINUTE_MS = 60_000;

/** A DataSource that counts the statements sent through it. */
function counting(dataSource: DataSource): { db: DataSource; statements: () => number } {
  let statements = 0;
  const db = { query: (sql: string, params?: unknown[]) => ((statements += 1), dataSource.query(sql, params)) } as unknown as DataSource;
  return { db, statements: () => statements };
}

describe('rate limits shared through PostgreSQL', () => {
  const db = useTestDatabase();

  it('never lets two processes together past a small limit, and refuses both after it', async () => {
    const [a, b] = [new PgSharedRateLimit(db().dataSource), new PgSharedRateLimit(db().dataSource)];
    const allowed: boolean[] = [];
    for (let attempt = 0; attempt < 6; attempt++) allowed.push((await (attempt % 2 ? b : a).hit('sign-in:ana', 3, MINUTE_MS)).allowed);
    expect(allowed).toEqual([true, true, true, false, false, false]);
    expect((await a.hit('sign-in:ana', 3, MINUTE_MS)).msLeft).toBeGreaterThan(0);
    expect((await a.hit('sign-in:ana', 3, MINUTE_MS)).msLeft).toBeLessThanOrEqual(MINUTE_MS);
    expect((await b.hit('sign-in:other', 3, MINUTE_MS)).allowed).toBe(true);
  });

  it('grants a large limit at most once across processes hitting it concurrently, within one lease each of it', async () => {
    const processes = [0, 1, 2].map(() => new PgSharedRateLimit(db().dataSource));
    const decisions = await Promise.all(
      processes.flatMap((process) => Array.from({ length: 500 }, () => process.hit('ingestion:key 7', 1000, MINUTE_MS))),
    );
    const granted = decisions.filter((decision) => decision.allowed).length;
    expect(granted).toBeLessThanOrEqual(1000);
    // Each process may hold up to one unused lease (1% of the limit) when the counter runs dry.
    expect(granted).toBeGreaterThanOrEqual(1000 - processes.length * 10);
  });

  it('asks PostgreSQL once per lease of 1% of the limit, and not at all to refuse once the counter is spent', async () => {
    const { db: counted, statements } = counting(db().dataSource);
    const limits = new PgSharedRateLimit(counted);
    for (let request = 0; request < 1000; request++) expect((await limits.hit('ingestion:key 8', 20_000, MINUTE_MS)).allowed).toBe(true);
    // 1,000 requests in leases of 200, plus one sweep of ended windows.
    expect(statements()).toBe(5 + 1);

    for (let request = 0; request < 3; request++) await limits.hit('sign-in:eve', 2, MINUTE_MS);
    const before = statements();
    for (let request = 0; request < 100; request++) expect((await limits.hit('sign-in:eve', 2, MINUTE_MS)).allowed).toBe(false);
    expect(statements()).toBe(before);
  });

  it('starts over when the window ends', async () => {
    const limits = new PgSharedRateLimit(db().dataSource);
    const first = await limits.hit('sign-in:bob', 1, 1000);
    expect(first.allowed).toBe(true);
    expect((await limits.hit('sign-in:bob', 1, 1000)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, first.msLeft + 20));
    expect((await limits.hit('sign-in:bob', 1, 1000)).allowed).toBe(true);
  });
});
