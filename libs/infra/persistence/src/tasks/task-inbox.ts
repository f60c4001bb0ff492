import type { DataSource } from 'typeorm';
import { TaskPage, type Task, type TaskStatus, type TaskView } from '@marea/contracts';
import type { CustomerVisibility } from '@marea/domain/access';
import { encodeTaskCursor, type TaskCursor } from './task-cursor';
import { TASK_COLUMNS, TASK_FROM, taskOf, type TaskRow } from './task-rows';

export interface TaskListRequest {
  readonly view: TaskView;
  readonly customerId?: string;
  readonly after: TaskCursor | null;
  readonly limit: number;
}

/** Who is asking: what they may see, and who "mine" is (null for an API key: nobody's tasks). */
export interface TaskReader {
  readonly visibility: CustomerVisibility;
  readonly userId: string | null;
}

/** A manager sees their own tasks and the default queue; everyone else sees every task. */
function visibleSql(reader: TaskReader, params: unknown[]): string {
  if (reader.visibility.kind === 'all') return 'true';
  params.push(reader.visibility.userId);
  return `(t.assignee_id = $${params.length} OR t.assignee_id IS NULL)`;
}

function viewSql(view: TaskView, reader: TaskReader, params: unknown[]): string {
  switch (view) {
    case 'mine':
      params.push(reader.userId);
      return `t.status = 'open' AND t.assignee_id = $${params.length}`;
    case 'due':
      return `t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '24 hours'`;
    case 'overdue':
      return `t.status = 'open' AND t.due_at < now()`;
    case 'queue':
      return `t.status = 'open' AND t.assignee_id IS NULL`;
    case 'done':
      return `t.status = 'done'`;
    case 'all':
      return 'true';
  }
}

/**
 * The tasks of one inbox tab, keyset-paged: open tabs by due date (soonest first), `done` by
 * completion (latest first); ties broken by id, so a page never skips or repeats a task.
 */
export async function listTasks(dataSource: DataSource, request: TaskListRequest, reader: TaskReader): Promise<TaskPage> {
  const params: unknown[] = [];
  const conditions = [visibleSql(reader, params), viewSql(request.view, reader, params)];
  if (request.customerId) {
    params.push(request.customerId);
    conditions.push(`t.customer_id = $${params.length}`);
  }
  const newestFirst = request.view === 'done';
  const sortAt = newestFirst ? 't.done_at' : 't.due_at';
  if (request.after) {
    params.push(request.after.at, request.after.id);
    conditions.push(`(${sortAt}, t.id) ${newestFirst ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  const direction = newestFirst ? 'DESC' : 'ASC';
  params.push(request.limit + 1);
  const rows: (TaskRow & { cursor_at: string })[] = await dataSource.query(
    `SELECT ${TASK_COLUMNS}, to_char(${sortAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM ${TASK_FROM}
     WHERE ${conditions.join(' AND ')}
     ORDER BY ${sortAt} ${direction}, t.id ${direction}
     LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return TaskPage.parse({
    items: page.map(taskOf),
    nextAfter: rows.length > request.limit && last ? encodeTaskCursor({ at: last.cursor_at, id: last.id }) : null,
  });
}

/** One task, if the reader may see it. */
export async function readTask(dataSource: DataSource, taskId: string, reader: TaskReader): Promise<Task | null> {
  const params: unknown[] = [taskId];
  const visible = visibleSql(reader, params);
  const [row]: TaskRow[] = await dataSource.query(`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.id = $1 AND ${visible}`, params);
  return row ? taskOf(row) : null;
}

/** The task's assignee (null: the default queue), to decide who may complete it; null when there is no such task. */
export async function taskAssignee(dataSource: DataSource, taskId: string): Promise<{ assigneeId: string | null } | null> {
  const [row]: { assignee_id: string | null }[] = await dataSource.query(`SELECT assignee_id::text FROM tasks WHERE id = $1`, [taskId]);
  return row ? { assigneeId: row.assignee_id } : null;
}

/**
 * Completes (`done`) or reopens (`open`) a task, with its timeline entry. Setting the status a
 * task already has changes nothing and adds no entry.
 */
export async function changeTaskStatus(dataSource: DataSource, taskId: string, status: TaskStatus, actor: string): Promise<void> {
  await dataSource.query(
    `WITH changed AS (
       UPDATE tasks SET status = $2,
                        done_at = CASE WHEN $2 = 'done' THEN now() END,
                        done_by = CASE WHEN $2 = 'done' THEN $3 END
       WHERE id = $1 AND status <> $2
       RETURNING id, customer_id
     )
     INSERT INTO task_events (task_id, customer_id, kind, actor)
     SELECT id, customer_id, CASE WHEN $2 = 'done' THEN 'done' ELSE 'reopened' END, $3 FROM changed`,
    [taskId, status, actor],
  );
}
