import { SegmentError } from '@marea/engine/segments';
import { useTestDatabase } from '@marea/testing';
import { PgSegmentRepository } from './pg-segment-repository';

describe('previewing a rule in PostgreSQL', () => {
  const db = useTestDatabase();
  const repository = () => new PgSegmentRepository(db().dataSource);

  beforeAll(async () => {
    await db().dataSource.query(
      `INSERT INTO customers (external_id, first_name, country) SELECT 'c-' || i, 'Name ' || i, CASE WHEN i % 2 = 0 THEN 'ES' ELSE 'PL' END
       FROM generate_series(1, 120) AS i`,
    );
  });

  it('counts every match and lists the first ones by customer id', async () => {
    const preview = await repository().preview(
      { sql: `SELECT c.id AS customer_id FROM customers c WHERE c.country = $1`, params: ['ES'] },
      50,
      5000,
    );
    expect(preview.count).toBe(60);
    expect(preview.customers).toHaveLength(50);
    expect(preview.customers[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      externalId: 'c-2',
      firstName: 'Name 2',
      lastName: null,
      email: null,
      phone: null,
      city: null,
      country: 'ES',
    });
  });

  it('stops a rule that runs past the time limit and says what to do', async () => {
    // A statement as slow as an expensive rule over a large shop: each row takes 10 ms.
    const slow = { sql: `SELECT c.id AS customer_id FROM customers c WHERE c.country = $1 AND pg_sleep(0.01) IS NOT NULL`, params: ['ES'] };
    const attempt = repository().preview(slow, 50, 100);
    await expect(attempt).rejects.toBeInstanceOf(SegmentError);
    await expect(attempt).rejects.toMatchObject({
      code: 'PREVIEW_TIMEOUT',
      message: expect.stringMatching(/^The preview took longer than 0\.1 s and was stopped\. Narrow the rule .* save the segment/),
    });
    // The limit was the preview's own: the pool's connections keep no statement_timeout.
    const [{ statement_timeout }] = await db().dataSource.query(`SHOW statement_timeout`);
    expect(statement_timeout).toBe('0');
  });
});
