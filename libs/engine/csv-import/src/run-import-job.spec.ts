import type { BatchResult, ImportJob, ImportReject } from '@marea/contracts';
import { ImportOptions } from '@marea/contracts';
import type { ChunkRecord, ClaimedJob, ImportJobStore, NewImportJob } from './import-job-store';
import { ImportWorker } from './import-worker';
import type { ItemIngestion } from './item-ingestion';
import { runImportJob } from './run-import-job';

/** Just enough of a job store to watch what a run records. */
class RecordingStore implements Partial<ImportJobStore> {
  records: ChunkRecord[] = [];
  status = 'running';
  error: string | null = null;
  constructor(private readonly file: string) {}
  readFile = async () => new TextEncoder().encode(this.file);
  recordChunk = async (_id: string, _worker: string, record: ChunkRecord) => {
    this.records.push(record);
    return true;
  };
  complete = async () => ((this.status = 'completed'), true);
  fail = async (_id: string, _worker: string, message: string) => ((this.status = 'failed'), (this.error = message), true);
  release = async () => ((this.status = 'queued'), true);
}

/** Accepts every customer except those whose email has no @. */
const ingestion: ItemIngestion & { batches: (readonly unknown[])[] } = {
  batches: [],
  async upsertCustomers(items) {
    this.batches.push(items);
    const results = items.map((item, index) => {
      const email = (item as { email?: string }).email;
      return email && !email.includes('@')
        ? { index, outcome: 'rejected' as const, errors: [{ field: 'email', message: 'must be an email address' }] }
        : { index, outcome: 'created' as const };
    });
    const rejected = results.filter((r) => r.outcome === 'rejected').length;
    return { received: items.length, created: items.length - rejected, updated: 0, unchanged: 0, rejected, items: results } satisfies BatchResult;
  },
  upsertProducts: () => Promise.reject(new Error('not used')),
  upsertOrders: () => Promise.reject(new Error('not used')),
};

const FILE = 'id,email\nc1,a@x.es\nc2,nope\nc3\nc4,d@x.es\n';
const job = (nextChunk = 0): ClaimedJob => ({ id: 'j1', entity: 'customers', options: ImportOptions.parse({}), nextChunk });

function run(store: RecordingStore, claimed: ClaimedJob, shouldStop = () => false) {
  ingestion.batches = [];
  return runImportJob(claimed, { store: store as unknown as ImportJobStore, ingestion, worker: 'w1', chunkLimits: { items: 2, rows: 2 }, shouldStop });
}

describe('runImportJob', () => {
  it('records unreadable rows first, then each chunk with its rejects, and completes', async () => {
    const store = new RecordingStore(FILE);
    expect(await run(store, job())).toBe('completed');
    expect(store.records.map(({ chunk, processedRows, acceptedRows, rejectedRows }) => [chunk, processedRows, acceptedRows, rejectedRows]))
      .toEqual([[0, 1, 0, 1], [1, 2, 1, 1], [2, 1, 1, 0]]);
    expect(store.records[0].totals).toEqual({ totalRows: 4, ignoredColumns: [] });
    expect(store.records[0].rejects[0]).toMatchObject({ rowNumber: 4, message: 'has 1 column, the header has 2' });
    expect(store.records[1].rejects).toEqual([{ rowNumber: 3, column: 'email', message: 'must be an email address', raw: 'c2,nope' }]);
  });

  it('resumes after the chunks an earlier worker recorded', async () => {
    const store = new RecordingStore(FILE);
    expect(await run(store, job(2))).toBe('completed');
    expect(store.records.map((r) => r.chunk)).toEqual([2]);
    expect(ingestion.batches).toEqual([[{ externalId: 'c4', email: 'd@x.es' }]]);
  });

  it('fails the job with the reason when the file cannot be read', async () => {
    const store = new RecordingStore('');
    expect(await run(store, job())).toBe('failed');
    expect(store.error).toBe('The file is empty.');
  });

  it('puts the job back in the queue when the worker stops', async () => {
    const store = new RecordingStore(FILE);
    expect(await run(store, job(), () => true)).toBe('released');
    expect(store.status).toBe('queued');
  });
});

describe('ImportWorker', () => {
  it('claims queued jobs, runs them and stops cleanly', async () => {
    const queue: ClaimedJob[] = [job()];
    const store = new RecordingStore(FILE);
    const done = new Promise<void>((resolve) => {
      store.complete = async () => (resolve(), true);
    });
    const full = Object.assign(store, {
      claimNext: async () => queue.shift() ?? null,
      heartbeat: async () => true,
      create: async (_job: NewImportJob) => ({}) as ImportJob,
      get: async () => null,
      list: async () => ({ items: [], total: 0, limit: 0, offset: 0 }),
      rejects: async (): Promise<ImportReject[]> => [],
    }) as unknown as ImportJobStore;
    const worker = new ImportWorker({ store: full, ingestion, worker: 'w1', pollMs: 10_000, chunkLimits: { items: 2, rows: 2 } });
    worker.start();
    await done;
    queue.push(job());
    worker.wake();
    await worker.stop();
  });
});
