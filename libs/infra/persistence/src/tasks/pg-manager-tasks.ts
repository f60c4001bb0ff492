import type { DataSource } from 'typeorm';
import { CustomerActionRejected, type ManagerTaskDraft, type ManagerTasks } from '@marea/engine/customer-actions';
import { createTask } from './create-task';

/** The automations' task action: a task for the customer's manager, once per effect key. */
export class PgManagerTasks implements ManagerTasks {
  constructor(private readonly dataSource: DataSource) {}

  async create(draft: ManagerTaskDraft): Promise<{ readonly taskId: string; readonly created: boolean }> {
    const outcome = await createTask(this.dataSource, {
      customerId: draft.customerId,
      title: draft.title,
      description: draft.description,
      dueAt: draft.dueAt,
      priority: draft.priority,
      source: draft.source,
      createdBy: `automation ${draft.source.automationName}`,
      effectKey: draft.effectKey,
    });
    if (outcome.kind === 'no-customer') throw new CustomerActionRejected(`There is no customer with id ${draft.customerId} to create a task for`);
    return { taskId: outcome.taskId, created: outcome.kind === 'created' };
  }
}
