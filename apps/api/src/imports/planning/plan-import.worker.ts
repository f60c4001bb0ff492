import { parentPort, workerData } from 'node:worker_threads';
import { CsvFileError, planImport } from '@marea/domain/csv-import';
import type { PlanRequest } from '@marea/engine/csv-import';
import type { PlanAnswer } from './plan-answer';

/**
 * The thread that plans one import: it reads and maps the file and posts the plan back. Its
 * format (code, not data) stays behind; the caller takes it from the entity.
 */
function answer({ bytes, entity, options, customFieldTypes }: PlanRequest): PlanAnswer {
  try {
    const { format: _format, ...plan } = planImport(bytes, entity, options, customFieldTypes);
    return { plan };
  } catch (error) {
    if (error instanceof CsvFileError) return { fileError: { code: error.code, message: error.message } };
    throw error;
  }
}

parentPort?.postMessage(answer(workerData as PlanRequest));
