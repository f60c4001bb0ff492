import type { Role, TaskPriority, TaskView } from '@marea/contracts';

export interface TaskTab {
  readonly view: TaskView;
  readonly label: string;
  readonly empty: string;
}

const TABS: readonly TaskTab[] = [
  { view: 'mine', label: $localize`:@@tasks.tab.mine:Mine`, empty: $localize`:@@tasks.empty.mine:No open tasks for you. Tasks automations create for your customers appear here.` },
  { view: 'due', label: $localize`:@@tasks.tab.due:Due`, empty: $localize`:@@tasks.empty.due:Nothing is due in the next 24 hours.` },
  { view: 'overdue', label: $localize`:@@tasks.tab.overdue:Overdue`, empty: $localize`:@@tasks.empty.overdue:No task is overdue.` },
  { view: 'done', label: $localize`:@@tasks.tab.done:Done`, empty: $localize`:@@tasks.empty.done:No task has been completed yet.` },
  { view: 'queue', label: $localize`:@@tasks.tab.queue:Queue`, empty: $localize`:@@tasks.empty.queue:The queue is empty: every customer with a task has a manager.` },
];

/** The inbox tabs a user sees: the default queue is worked off by admins and marketers, so only they get its tab. */
export function taskTabsFor(role: Role | undefined): readonly TaskTab[] {
  return role === 'admin' || role === 'marketer' ? TABS : TABS.filter((tab) => tab.view !== 'queue');
}

export function tabOf(view: string | undefined, tabs: readonly TaskTab[]): TaskTab {
  return tabs.find((tab) => tab.view === view) ?? tabs[0];
}

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: $localize`:@@tasks.priority.low:Low priority`,
  normal: $localize`:@@tasks.priority.normal:Normal priority`,
  high: $localize`:@@tasks.priority.high:High priority`,
};
