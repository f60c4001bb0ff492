import { ImportOptions, type BatchResult, type ImportEntity } from '@marea/contracts';
import { chunkItems, CsvFileError, rejectsFromBatch, type ChunkLimits } from '@marea/domain/csv-import';
import type { ClaimedJob, ImportJobStore } from './import-job-store';
import { planOnThisThread, type ImportPlanner } from './import-planner';
import type { CustomFieldTypes, ItemIngestion } from './item-ingestion';

export interface RunContext {
  readonly store: ImportJobStore;
  readonly ingestion: ItemIngestion;
  readonly customFieldTypes?: CustomFieldTypes;
  /** Default: on this thread. */
  readonly planner?: ImportPlanner;
  readonly worker: string;
  /** Items and rows per ingestion batch (whole orders are never split). */
  readonly chunkLimits: ChunkLimits;
  /** Checked between chunks: the worker is stopping, or lost the job to another worker. */
  readonly shouldStop: () => boolean;
}

export type RunOutcome = 'completed' | 'failed' | 'released' | 'lost';

/**
 * Runs one claimed job to the end, resuming after the chunks an earlier owner recorded. A chunk
 * sent twice (the owner died between ingestion and recording) is harmless: upserts by external
 * id are idempotent, the second pass answers `unchanged`.
 */
export async function runImportJob(job: ClaimedJob, context: RunContext): Promise<RunOutcome> {
  const { store, worker } = context;
  const options = ImportOptions.safeParse(job.options);
  if (!options.success) {
    await store.fail(job.id, worker, `The import options are invalid: ${options.error.message}`);
    return 'failed';
  }
  let plan;
  try {
    const customFieldTypes =
      job.entity === 'customers' && context.customFieldTypes ? await context.customFieldTypes() : new Map();
    const planner = context.planner ?? planOnThisThread;
    plan = await planner({ bytes: await store.readFile(job.id), entity: job.entity, options: options.data, customFieldTypes });
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    await store.fail(job.id, worker, error.message);
    return 'failed';
  }

  if (job.nextChunk === 0) {
    const recorded = await store.recordChunk(job.id, worker, {
      chunk: 0,
      processedRows: plan.rejectedRows,
      acceptedRows: 0,
      rejectedRows: plan.rejectedRows,
      rejects: plan.rejects,
      totals: { totalRows: plan.totalRows, ignoredColumns: plan.binding.ignoredColumns },
    });
    if (!recorded) return 'lost';
  }

  const chunks = chunkItems(plan.items, context.chunkLimits);
  for (let index = Math.max(job.nextChunk, 1); index <= chunks.length; index += 1) {
    // The worker shares the API's event loop: let waiting requests and timers run between
    // chunks, so a long import never starves them (a starved keep-alive timer closes sockets).
    await new Promise((resolve) => setImmediate(resolve));
    if (context.shouldStop()) {
      return (await store.release(job.id, worker)) ? 'released' : 'lost';
    }
    const chunk = chunks[index - 1];
    const result = await send(context.ingestion, job.entity, chunk.map((mapped) => mapped.item));
    const outcome = rejectsFromBatch(chunk, result, plan.format, plan.binding);
    const recorded = await store.recordChunk(job.id, worker, {
      chunk: index,
      processedRows: outcome.acceptedRows + outcome.rejectedRows,
      acceptedRows: outcome.acceptedRows,
      rejectedRows: outcome.rejectedRows,
      rejects: outcome.rejects,
    });
    if (!recorded) return 'lost';
  }
  return (await store.complete(job.id, worker)) ? 'completed' : 'lost';
}

function send(ingestion: ItemIngestion, entity: ImportEntity, items: unknown[]): Promise<BatchResult> {
  switch (entity) {
    case 'customers':
      return ingestion.upsertCustomers(items);
    case 'products':
      return ingestion.upsertProducts(items);
    case 'orders':
      return ingestion.upsertOrders(items);
  }
}
