import { Worker, type WorkerOptions } from 'node:worker_threads';
import { CsvFileError, csvFormats } from '@marea/domain/csv-import';
import type { ImportPlanner } from '@marea/engine/csv-import';
import type { PlanAnswer } from './plan-answer';

/** How to start the planning thread: a script, and options such as `eval` when run from source. */
export interface WorkerScript {
  readonly filename: string;
  readonly options?: WorkerOptions;
}

/**
 * Plans each import on a thread of its own, so the seconds of CPU a large file takes never block
 * the API's event loop. One short-lived thread per job: jobs are minutes apart, and a fresh
 * thread gives back its memory when the plan is posted.
 */
export function threadImportPlanner(script: WorkerScript): ImportPlanner {
  return (request) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script.filename, { ...script.options, workerData: request });
      let settled = false;
      worker.once('message', (answer: PlanAnswer) => {
        settled = true;
        if (answer.fileError) reject(new CsvFileError(answer.fileError.code, answer.fileError.message));
        else resolve({ ...answer.plan, format: csvFormats[request.entity] });
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`The import planning thread stopped (exit code ${code}) before answering.`));
      });
    });
}
