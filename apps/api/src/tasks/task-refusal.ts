import type { FieldError } from '@marea/domain/ingestion';

export type TaskRefusalCode = 'INVALID_TASK_ID' | 'TASK_NOT_FOUND' | 'NOT_YOUR_TASK' | 'CUSTOMER_NOT_FOUND' | 'INVALID_QUERY' | 'INVALID_TASK';

const STATUS: Record<TaskRefusalCode, 400 | 403 | 404> = {
  INVALID_TASK_ID: 400,
  TASK_NOT_FOUND: 404,
  // A manager may see the default queue but only works off their own tasks.
  NOT_YOUR_TASK: 403,
  CUSTOMER_NOT_FOUND: 404,
  INVALID_QUERY: 400,
  INVALID_TASK: 400,
};

/** A task request the client must change; TaskRefusalFilter answers it with the API's error body. */
export class TaskRefusal extends Error {
  readonly status: 400 | 403 | 404;

  constructor(
    readonly code: TaskRefusalCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'TaskRefusal';
    this.status = STATUS[code];
  }
}
