import * as z from 'zod';
import { CustomerId } from '../customers/customer-metrics';
import { Task } from './task';

/**
 * The tabs of the task inbox: `mine` (my open tasks), `due` (open, due in the next 24 hours),
 * `overdue` (open, past due), `done`, `queue` (open, no assignee), `all`. A manager sees their own
 * tasks and the default queue; admins and marketers see every task.
 */
export const TaskView = z.enum(['mine', 'due', 'overdue', 'done', 'queue', 'all']);
export type TaskView = z.infer<typeof TaskView>;

/** `GET /api/v1/tasks`: keyset-paged; `after` is the `nextAfter` of the previous page. */
export const TaskListQuery = z.object({
  view: TaskView.default('mine'),
  customerId: CustomerId.optional(),
  after: z.string().max(300).optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 100' }).int().min(1).max(100, 'must be at most 100').default(25),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskPage = z.object({
  items: z.array(Task),
  nextAfter: z.string().nullable().describe('pass as `after` for the next page; null on the last page'),
});
export type TaskPage = z.infer<typeof TaskPage>;
