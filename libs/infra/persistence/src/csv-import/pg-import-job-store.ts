import type { DataSource, EntityManager } from 'typeorm';
import { ImportOptions, type ImportEntity, type ImportJob, type ImportJobPage, type ImportReject } from '@marea/contracts';
import type { ChunkRecord, ClaimedJob, ImportJobStore, NewImportJob } from '@marea/engine/csv-import';
import { refreshCustomerMetrics } from '../customer-metrics/refresh-whole-base';

interface JobRow {
  id: string;
  entity: ImportEntity;
  file_name: string;
  status: ImportJob['status'];
  total_rows: number | null;
  processed_rows: number;
  accepted_rows: number;
  rejected_rows: number;
  error: string | null;
  ignored_columns: string[];
  options: unknown;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const JOB_COLUMNS = `id, entity, file_name, status, total_rows, processed_rows, accepted_rows, rejected_rows, error,
  ignored_columns, options, created_at, started_at, finished_at`;

const toJob = (row: JobRow): ImportJob => ({
  id: row.id,
  entity: row.entity,
  fileName: row.file_name,
  status: row.status,
  totalRows: row.total_rows,
  processedRows: row.processed_rows,
  acceptedRows: row.accepted_rows,
  rejectedRows: row.rejected_rows,
  error: row.error,
  ignoredColumns: row.ignored_columns,
  options: ImportOptions.parse(row.options),
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
});

/**
 * Import jobs in PostgreSQL. Every statement that changes a running job checks that the worker
 * still owns it, so a worker presumed dead cannot overwrite the one that took over.
 */
export class PgImportJobStore implements ImportJobStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: NewImportJob): Promise<ImportJob> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<JobRow[]>(
        `INSERT INTO import_jobs (entity, file_name, options) VALUES ($1, $2, $3) RETURNING ${JOB_COLUMNS}`,
        [job.entity, job.fileName, JSON.stringify(job.options)],
      );
      await manager.query(`INSERT INTO import_files (job_id, content) VALUES ($1, $2)`, [row.id, Buffer.from(job.content)]);
      return toJob(row);
    });
  }

  async claimNext(worker: string, staleAfterMs: number): Promise<ClaimedJob | null> {
    const rows = await this.dataSource.query<{ id: string; entity: ImportEntity; options: unknown; next_chunk: number }[]>(
      `WITH next AS (
         SELECT id FROM import_jobs
         WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $2))
         ORDER BY created_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE import_jobs j
         SET status = 'running', worker = $1, heartbeat_at = now(), started_at = coalesce(j.started_at, now())
         FROM next WHERE j.id = next.id
         RETURNING j.id, j.entity, j.options, j.next_chunk
       )
       SELECT * FROM claimed`,
      [worker, staleAfterMs / 1000],
    );
    const row = rows[0];
    return row ? { id: row.id, entity: row.entity, options: row.options, nextChunk: row.next_chunk } : null;
  }

  async readFile(jobId: string): Promise<Uint8Array> {
    const [row] = await this.dataSource.query<{ content: Buffer }[]>(`SELECT content FROM import_files WHERE job_id = $1`, [jobId]);
    return row?.content ?? new Uint8Array();
  }

  heartbeat(jobId: string, worker: string): Promise<boolean> {
    return this.updateOwned(this.dataSource.manager, jobId, worker, `heartbeat_at = now()`);
  }

  recordChunk(jobId: string, worker: string, record: ChunkRecord): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const owned = await this.updateOwned(
        manager,
        jobId,
        worker,
        `next_chunk = $3 + 1, heartbeat_at = now(),
         processed_rows = processed_rows + $4, accepted_rows = accepted_rows + $5, rejected_rows = rejected_rows + $6,
         total_rows = coalesce($7, total_rows), ignored_columns = coalesce($8, ignored_columns)`,
        [
          record.chunk,
          record.processedRows,
          record.acceptedRows,
          record.rejectedRows,
          record.totals?.totalRows ?? null,
          record.totals ? [...record.totals.ignoredColumns] : null,
        ],
        `AND next_chunk = $3`,
      );
      if (!owned || record.rejects.length === 0) return owned;
      const seqByRow = new Map<number, number>();
      const seqs = record.rejects.map((reject) => {
        const seq = seqByRow.get(reject.rowNumber) ?? 0;
        seqByRow.set(reject.rowNumber, seq + 1);
        return seq;
      });
      await manager.query(
        `INSERT INTO import_rejects (job_id, row_number, seq, field, message, raw)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT DO NOTHING`,
        [
          jobId,
          record.rejects.map((r) => r.rowNumber),
          seqs,
          record.rejects.map((r) => r.column),
          record.rejects.map((r) => r.message),
          record.rejects.map((r) => r.raw),
        ],
      );
      return true;
    });
  }

  async complete(jobId: string, worker: string): Promise<boolean> {
    // The rows changed many customers' figures and the base's RFM quintiles: deal them again
    // before the job shows as completed, so whoever waits for it sees current metrics.
    await refreshCustomerMetrics(this.dataSource, new Date());
    return this.finish(jobId, worker, 'completed', null);
  }

  fail(jobId: string, worker: string, message: string): Promise<boolean> {
    return this.finish(jobId, worker, 'failed', message);
  }

  release(jobId: string, worker: string): Promise<boolean> {
    return this.updateOwned(this.dataSource.manager, jobId, worker, `status = 'queued', worker = NULL, heartbeat_at = NULL`);
  }

  async get(jobId: string): Promise<ImportJob | null> {
    if (!/^[0-9a-f-]{36}$/i.test(jobId)) return null;
    const [row] = await this.dataSource.query<JobRow[]>(`SELECT ${JOB_COLUMNS} FROM import_jobs WHERE id = $1`, [jobId]);
    return row ? toJob(row) : null;
  }

  async list(limit: number, offset: number): Promise<ImportJobPage> {
    const rows = await this.dataSource.query<JobRow[]>(
      `SELECT ${JOB_COLUMNS} FROM import_jobs ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM import_jobs`);
    return { items: rows.map(toJob), total, limit, offset };
  }

  async rejects(jobId: string): Promise<ImportReject[]> {
    return this.dataSource.query<ImportReject[]>(
      `SELECT row_number AS "row", field AS "column", message, raw FROM import_rejects
       WHERE job_id = $1 ORDER BY row_number, seq`,
      [jobId],
    );
  }

  private finish(jobId: string, worker: string, status: 'completed' | 'failed', error: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const owned = await this.updateOwned(manager, jobId, worker, `status = $3, error = $4, finished_at = now()`, [status, error]);
      // The bytes are only needed to run the job; the rejects report keeps every rejected row.
      if (owned) await manager.query(`DELETE FROM import_files WHERE job_id = $1`, [jobId]);
      return owned;
    });
  }

  private async updateOwned(
    manager: EntityManager,
    jobId: string,
    worker: string,
    set: string,
    params: unknown[] = [],
    condition = '',
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `WITH changed AS (
         UPDATE import_jobs SET ${set}
         WHERE id = $1 AND worker = $2 AND status = 'running' ${condition}
         RETURNING id
       ) SELECT id FROM changed`,
      [jobId, worker, ...params],
    );
    return rows.length > 0;
  }
}
