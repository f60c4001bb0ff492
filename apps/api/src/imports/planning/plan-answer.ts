import type { CsvFileErrorCode, ImportPlan } from '@marea/domain/csv-import';

/** What the planning thread posts back: structured-cloneable data only. */
export type PlanAnswer =
  | { plan: Omit<ImportPlan, 'format'>; fileError?: undefined }
  | { fileError: { code: CsvFileErrorCode; message: string }; plan?: undefined };
