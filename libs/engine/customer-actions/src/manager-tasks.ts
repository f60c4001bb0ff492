/** A task an automation asks a customer's manager to do (call them, check an order …). */
export interface ManagerTaskDraft {
  /** The engine's send-decision key: one task per key, however often the step is retried. */
  readonly effectKey: string;
  readonly customerId: string;
  readonly title: string;
  readonly description: string;
  readonly dueAt: Date;
  readonly priority: 'low' | 'normal' | 'high';
  readonly source: { readonly automationId: string; readonly automationName: string };
}

export interface ManagerTasks {
  /** Assigned to the customer's manager; to the default queue (no assignee) when the customer has none. */
  create(draft: ManagerTaskDraft): Promise<{ readonly taskId: string; readonly created: boolean }>;
}
