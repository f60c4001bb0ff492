import type { z } from 'zod';
import { TaskId } from '@marea/contracts';
import { parseItem } from '@marea/domain/ingestion';
import { TaskRefusal } from './task-refusal';

/** The `{id}` of a task route, or a 400 naming what is wrong with it. */
export function taskIdOf(id: string): string {
  const parsed = TaskId.safeParse(id);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0].message;
  throw new TaskRefusal('INVALID_TASK_ID', `The task id "${id}" ${message}.`, [{ field: 'id', message }]);
}

export function taskNotFound(id: string): TaskRefusal {
  return new TaskRefusal('TASK_NOT_FOUND', `There is no task with id ${id}.`);
}

/** A query or body read against its contract; every problem is named with its field. */
export function parseTaskRequest<T>(schema: z.ZodType<T>, raw: unknown, code: 'INVALID_QUERY' | 'INVALID_TASK', what: string): T {
  const parsed = parseItem(schema, raw ?? {});
  if (parsed.ok) return parsed.value;
  const summary = parsed.errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join('; ');
  throw new TaskRefusal(code, `The ${what} is not valid: ${summary}.`, parsed.errors);
}
