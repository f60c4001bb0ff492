import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

export const TaskPriority = z.enum(['low', 'normal', 'high']);
export type TaskPriority = z.infer<typeof TaskPriority>;

export const TaskStatus = z.enum(['open', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskId = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a task id such as 42');
export type TaskId = z.infer<typeof TaskId>;

/** A task for a customer's manager; `assignee` null: the default queue (the customer has no manager). */
export const Task = z.object({
  id: TaskId,
  customer: z.object({ id: z.string(), name: z.string().describe('the name, or the email / external id when unnamed') }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  title: z.string(),
  description: z.string(),
  dueAt: Instant,
  overdue: z.boolean().describe('open and past its due time'),
  priority: TaskPriority,
  status: TaskStatus,
  doneAt: Instant.nullable(),
  doneBy: z.string().nullable(),
  source: z
    .object({ automationId: z.string(), automationName: z.string() })
    .nullable()
    .describe('the automation that created it; null for a task created by hand'),
  createdBy: z.string(),
  createdAt: Instant,
});
export type Task = z.infer<typeof Task>;
