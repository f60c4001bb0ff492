import type { DataSource } from 'typeorm';

export interface NewTask {
  readonly customerId: string;
  readonly title: string;
  readonly description: string;
  readonly dueAt: Date;
  readonly priority: 'low' | 'normal' | 'high';
  readonly source: { readonly automationId: string; readonly automationName: string } | null;
  /** Who creates it, as the timeline names them: a user, or the automation. */
  readonly createdBy: string;
  /** The automation's effect key; null for a task made by hand (each one is new). */
  readonly effectKey: string | null;
}

export type TaskCreation = { readonly kind: 'created' | 'existing'; readonly taskId: string } | { readonly kind: 'no-customer' };

/**
 * Creates a task for the customer's manager, or for the default queue when the customer has none
 * (or their manager was deactivated), with its "created" entry for the timeline, in one statement.
 * A second task with the same effect key is not created: the first one's id is answered.
 */
export async function createTask(dataSource: DataSource, task: NewTask): Promise<TaskCreation> {
  const rows: { id: string }[] = await dataSource.query(
    `WITH inserted AS (
       INSERT INTO tasks (customer_id, assignee_id, title, description, due_at, priority, source_automation_id, source_automation_name, created_by, effect_key)
       SELECT c.id, CASE WHEN u.active THEN u.id END, $2, $3, $4, $5, $6, $7, $8, $9
       FROM customers c LEFT JOIN users u ON u.id = c.manager_id
       WHERE c.id = $1
       ON CONFLICT (effect_key) DO NOTHING
       RETURNING id, customer_id, created_by
     ), created AS (
       INSERT INTO task_events (task_id, customer_id, kind, actor) SELECT id, customer_id, 'created', created_by FROM inserted
     )
     SELECT id::text FROM inserted`,
    [
      task.customerId,
      task.title,
      task.description,
      task.dueAt,
      task.priority,
      task.source?.automationId ?? null,
      task.source?.automationName ?? null,
      task.createdBy,
      task.effectKey,
    ],
  );
  if (rows[0]) return { kind: 'created', taskId: rows[0].id };
  if (task.effectKey !== null) {
    const [existing]: { id: string }[] = await dataSource.query(`SELECT id::text FROM tasks WHERE effect_key = $1`, [task.effectKey]);
    if (existing) return { kind: 'existing', taskId: existing.id };
  }
  return { kind: 'no-customer' };
}
