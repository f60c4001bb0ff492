import { Task } from '@marea/contracts';

/** The columns every task read selects, over `tasks t`, its customer `c` and its assignee `u`. */
export const TASK_COLUMNS = `
  t.id::text, t.customer_id::text, t.title, t.description, t.due_at, t.priority, t.status, t.done_at, t.done_by,
  t.source_automation_id, t.source_automation_name, t.created_by, t.created_at, t.assignee_id::text, u.name AS assignee_name,
  coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, c.external_id) AS customer_name,
  (t.status = 'open' AND t.due_at < now()) AS overdue`;

export const TASK_FROM = `tasks t JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.assignee_id`;

export interface TaskRow {
  id: string;
  customer_id: string;
  customer_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  title: string;
  description: string;
  due_at: Date;
  overdue: boolean;
  priority: Task['priority'];
  status: Task['status'];
  done_at: Date | null;
  done_by: string | null;
  source_automation_id: string | null;
  source_automation_name: string | null;
  created_by: string;
  created_at: Date;
}

export function taskOf(row: TaskRow): Task {
  return {
    id: row.id,
    customer: { id: row.customer_id, name: row.customer_name },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    title: row.title,
    description: row.description,
    dueAt: row.due_at.toISOString(),
    overdue: row.overdue,
    priority: row.priority,
    status: row.status,
    doneAt: row.done_at?.toISOString() ?? null,
    doneBy: row.done_by,
    source:
      row.source_automation_id === null ? null : { automationId: row.source_automation_id, automationName: row.source_automation_name ?? '' },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
