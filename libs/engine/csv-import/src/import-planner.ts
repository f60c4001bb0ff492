import type { CustomFieldType, ImportEntity, ImportOptions } from '@marea/contracts';
import { planImport, type ImportPlan } from '@marea/domain/csv-import';

export interface PlanRequest {
  readonly bytes: Uint8Array;
  readonly entity: ImportEntity;
  readonly options: ImportOptions;
  readonly customFieldTypes: ReadonlyMap<string, CustomFieldType>;
}

/**
 * Reads and maps an uploaded file into an import plan; throws CsvFileError when the file as a
 * whole cannot be imported. Planning a large file is seconds of CPU: a process that also serves
 * requests plans on another thread, so the API keeps answering meanwhile.
 */
export type ImportPlanner = (request: PlanRequest) => Promise<ImportPlan>;

/** Plans on the calling thread: for a process with nothing else to serve. */
export const planOnThisThread: ImportPlanner = async ({ bytes, entity, options, customFieldTypes }) =>
  planImport(bytes, entity, options, customFieldTypes);
