import * as z from 'zod';
import { Instant } from '../ingestion/primitives';
import { CustomerId } from '../customers/customer-metrics';
import { TaskPriority, TaskStatus } from './task';

/** `POST /api/v1/tasks`: a task created by hand, assigned like an automation's to the customer's manager. */
export const TaskDraft = z
  .object({
    customerId: CustomerId,
    title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    description: z.string().max(10_000, 'must be at most 10,000 characters').default(''),
    dueAt: Instant,
    priority: TaskPriority.default('normal'),
  })
  .strict();
export type TaskDraft = z.infer<typeof TaskDraft>;

/** `PATCH /api/v1/tasks/{id}`: complete (`done`) or reopen (`open`) a task. */
export const TaskStatusChange = z.object({ status: TaskStatus }).strict();
export type TaskStatusChange = z.infer<typeof TaskStatusChange>;
