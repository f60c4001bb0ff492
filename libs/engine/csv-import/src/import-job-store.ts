import type { ImportEntity, ImportJob, ImportJobPage, ImportReject } from '@marea/contracts';
import type { RowReject } from '@marea/domain/csv-import';

export interface NewImportJob {
  readonly entity: ImportEntity;
  readonly fileName: string;
  /** Validated ImportOptions, stored as given. */
  readonly options: unknown;
  readonly content: Uint8Array;
}

/** A job a worker now owns. `options` come back from storage and are validated again. */
export interface ClaimedJob {
  readonly id: string;
  readonly entity: ImportEntity;
  readonly options: unknown;
  /** Chunks already recorded by an earlier owner: 0 = nothing yet, 1 = the pre-ingestion rejects. */
  readonly nextChunk: number;
}

/** What one chunk added. Recorded atomically with the chunk cursor, so a resumed job neither skips nor double-counts. */
export interface ChunkRecord {
  readonly chunk: number;
  readonly processedRows: number;
  readonly acceptedRows: number;
  readonly rejectedRows: number;
  readonly rejects: readonly RowReject[];
  /** Set with the first chunk. */
  readonly totals?: { readonly totalRows: number; readonly ignoredColumns: readonly string[] };
}

/**
 * Where import jobs, their files and their rejects live. Methods taking `worker` act only while
 * that worker still owns the job and answer false otherwise (another worker took it over).
 */
export interface ImportJobStore {
  create(job: NewImportJob): Promise<ImportJob>;
  /** Takes the oldest queued job, or a running one whose worker stopped heartbeating. */
  claimNext(worker: string, staleAfterMs: number): Promise<ClaimedJob | null>;
  readFile(jobId: string): Promise<Uint8Array>;
  heartbeat(jobId: string, worker: string): Promise<boolean>;
  recordChunk(jobId: string, worker: string, record: ChunkRecord): Promise<boolean>;
  complete(jobId: string, worker: string): Promise<boolean>;
  fail(jobId: string, worker: string, message: string): Promise<boolean>;
  /** Puts a job back in the queue (the worker is shutting down). */
  release(jobId: string, worker: string): Promise<boolean>;
  get(jobId: string): Promise<ImportJob | null>;
  list(limit: number, offset: number): Promise<ImportJobPage>;
  rejects(jobId: string): Promise<ImportReject[]>;
}
