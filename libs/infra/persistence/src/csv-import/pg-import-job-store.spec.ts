import { useTestDatabase } from '@marea/testing';
import { ImportOptions } from '@marea/contracts';
import { PgImportJobStore } from './pg-import-job-store';

describe('PgImportJobStore', () => {
  const db = useTestDatabase();
  const store = () => new PgImportJobStore(db().dataSource);
  const newJob = (fileName: string) =>
    store().create({ entity: 'customers', fileName, options: ImportOptions.parse({}), content: new TextEncoder().encode('id\n1\n') });

  beforeEach(() => db().dataSource.query(`DELETE FROM import_jobs`));

  it('queues a job with its file and gives each queued job to one worker only', async () => {
    const a = await newJob('a.csv');
    const b = await newJob('b.csv');
    expect(a).toMatchObject({ status: 'queued', fileName: 'a.csv', processedRows: 0, totalRows: null });
    const claims = await Promise.all(['w1', 'w2', 'w3'].map((worker) => store().claimNext(worker, 30_000)));
    expect(claims.filter(Boolean).map((claim) => claim?.id).sort()).toEqual([a.id, b.id].sort());
    expect(new TextDecoder().decode(await store().readFile(a.id))).toBe('id\n1\n');
  });

  it('takes over a running job whose worker stopped heartbeating, and the old worker can no longer write', async () => {
    const job = await newJob('a.csv');
    await store().claimNext('dead', 30_000);
    expect(await store().claimNext('w2', 30_000)).toBeNull();
    await db().dataSource.query(`UPDATE import_jobs SET heartbeat_at = now() - interval '1 minute'`);
    expect(await store().claimNext('w2', 30_000)).toMatchObject({ id: job.id, nextChunk: 0 });
    expect(await store().heartbeat(job.id, 'dead')).toBe(false);
    expect(await store().heartbeat(job.id, 'w2')).toBe(true);
  });

  it('records chunks once, in order, with their rejects, and completes', async () => {
    const job = await newJob('a.csv');
    await store().claimNext('w1', 30_000);
    const reject = (rowNumber: number, column: string) => ({ rowNumber, column, message: 'must be a number', raw: 'x' });
    const first = {
      chunk: 0, processedRows: 2, acceptedRows: 0, rejectedRows: 2,
      rejects: [reject(3, 'a'), reject(3, 'b'), reject(2, 'a')],
      totals: { totalRows: 5, ignoredColumns: ['Notes'] },
    };
    expect(await store().recordChunk(job.id, 'w1', first)).toBe(true);
    expect(await store().recordChunk(job.id, 'w1', first)).toBe(false); // the cursor moved on
    expect(await store().recordChunk(job.id, 'w1', { chunk: 1, processedRows: 3, acceptedRows: 3, rejectedRows: 0, rejects: [] })).toBe(true);
    expect(await store().complete(job.id, 'w1')).toBe(true);

    expect(await store().get(job.id)).toMatchObject({
      status: 'completed', totalRows: 5, processedRows: 5, acceptedRows: 3, rejectedRows: 2, ignoredColumns: ['Notes'],
    });
    expect((await store().rejects(job.id)).map((r) => [r.row, r.column])).toEqual([[2, 'a'], [3, 'a'], [3, 'b']]);
    expect((await store().list(10, 0)).total).toBe(1);
    expect(await store().get('not-a-uuid')).toBeNull();
  });

  it('puts a released job back in the queue', async () => {
    const job = await newJob('a.csv');
    await store().claimNext('w1', 30_000);
    expect(await store().release(job.id, 'w1')).toBe(true);
    expect(await store().claimNext('w2', 30_000)).toMatchObject({ id: job.id });
  });
});
