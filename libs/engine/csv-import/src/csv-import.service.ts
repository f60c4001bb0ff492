import { ImportEntity, ImportOptions, type ImportJob, type ImportJobPage } from '@marea/contracts';
import { renderRejectsCsv } from '@marea/domain/csv-import';
import { CsvImportError } from './csv-import-error';
import type { ImportJobStore } from './import-job-store';

export interface UploadedImport {
  readonly entity: unknown;
  readonly fileName: string;
  readonly content: Uint8Array;
  /** Parsed JSON of the upload's mapping, defaults and format, still unvalidated. */
  readonly options: { mapping?: unknown; defaults?: unknown; format?: unknown };
}

/** Queues CSV imports and reports on them; an ImportWorker does the work. */
export class CsvImportService {
  constructor(
    private readonly store: ImportJobStore,
    /** Called after a job is queued, so a worker in this process starts at once. */
    private readonly onQueued: () => void = () => undefined,
  ) {}

  async enqueue(upload: UploadedImport): Promise<ImportJob> {
    const entity = ImportEntity.safeParse(upload.entity);
    if (!entity.success) {
      throw new CsvImportError('INVALID_IMPORT_OPTIONS', `entity must be one of ${ImportEntity.options.join(', ')}`);
    }
    const parsed = ImportOptions.safeParse(
      Object.fromEntries(Object.entries(upload.options).filter(([, value]) => value !== undefined)),
    );
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
      throw new CsvImportError('INVALID_IMPORT_OPTIONS', `Invalid import options: ${problems.join('; ')}`);
    }
    const job = await this.store.create({
      entity: entity.data,
      fileName: upload.fileName,
      options: parsed.data,
      content: upload.content,
    });
    this.onQueued();
    return job;
  }

  async get(id: string): Promise<ImportJob> {
    const job = await this.store.get(id);
    if (!job) throw new CsvImportError('IMPORT_NOT_FOUND', `No import ${id}`);
    return job;
  }

  list(limit: number, offset: number): Promise<ImportJobPage> {
    return this.store.list(limit, offset);
  }

  async rejectsCsv(id: string): Promise<string> {
    await this.get(id);
    return renderRejectsCsv(await this.store.rejects(id));
  }
}
