import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportJob } from '@marea/contracts';

/** The shared real data sets, read in place (../shared/data from the repository root). */
export const SHARED_DATA = join(__dirname, '../../../../../../shared/data');
export const readSharedFile = (path: string): Buffer => readFileSync(join(SHARED_DATA, path));

/**
 * How long a test waits for an import of a real data set (tens of thousands of rows) and, a
 * little longer, the test itself: several times what it takes on a quiet 2-core machine, so a
 * loaded CI machine slows it down without failing it, while a hung job still fails with the
 * job's own status rather than a bare jest timeout.
 */
export const REAL_DATA_IMPORT_MS = 180_000;
export const REAL_DATA_TEST_MS = REAL_DATA_IMPORT_MS + 30_000;

export interface UploadRequest {
  entity: string;
  file: Uint8Array | string;
  fileName?: string;
  mapping?: unknown;
  defaults?: unknown;
  format?: unknown;
}

/** Speaks to the imports API of a running test app, as an integrator would. */
export class ImportApiClient {
  constructor(
    private readonly base: string,
    /** The credentials every request carries (see testCredentials). */
    readonly headers: Record<string, string> = {},
  ) {}

  async upload(request: UploadRequest): Promise<Response> {
    const form = new FormData();
    const bytes = typeof request.file === 'string' ? new TextEncoder().encode(request.file) : request.file;
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), request.fileName ?? 'upload.csv');
    form.append('entity', request.entity);
    for (const name of ['mapping', 'defaults', 'format'] as const) {
      if (request[name] !== undefined) form.append(name, JSON.stringify(request[name]));
    }
    return fetch(`${this.base}/api/v1/imports`, { method: 'POST', body: form, headers: this.headers });
  }

  /** Uploads and waits for the job to finish, whatever its outcome. */
  async importFile(request: UploadRequest, timeoutMs = 60_000): Promise<ImportJob> {
    const response = await this.upload(request);
    if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    const { id } = ImportJob.parse(await response.json());
    return this.waitFor(id, timeoutMs);
  }

  async waitFor(id: string, timeoutMs = 60_000): Promise<ImportJob> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = ImportJob.parse(await (await fetch(`${this.base}/api/v1/imports/${id}`, { headers: this.headers })).json());
      if (job.status === 'completed' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The rejects report, parsed: one entry per reason. */
  async rejects(id: string): Promise<{ row: number; column: string; message: string; original: string }[]> {
    const response = await fetch(`${this.base}/api/v1/imports/${id}/rejects`, { headers: this.headers });
    if (!response.ok) throw new Error(`rejects answered ${response.status}`);
    const { parse } = await import('csv-parse/sync');
    const records = parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    return records.map((r) => ({ row: Number(r['row']), column: r['column'], message: r['message'], original: r['original_row'] }));
  }
}
