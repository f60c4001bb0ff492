import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Task, TaskPage } from '@marea/contracts';
import { SessionStore } from '@marea/web/session';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { TaskCard } from '../task-card/task-card';
import { tabOf, taskTabsFor } from '../task-labels/task-labels';
import { TasksApi } from '../tasks-api/tasks-api';

const PAGE_SIZE = 25;

/**
 * The manager's task inbox: mine, due, overdue, done (and the default queue for admins and
 * marketers). The tab is in the address (`?view=…`), so it survives a reload and can be shared.
 * Completing or reopening a task reloads the tab, since the task usually leaves it.
 */
@Component({
  selector: 'marea-task-inbox-page',
  imports: [RouterLink, PageHeader, TaskCard, LoadingState, ErrorState, EmptyState],
  templateUrl: './task-inbox-page.html',
  styleUrl: './task-inbox-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskInboxPage {
  private readonly api = inject(TasksApi);
  private readonly session = inject(SessionStore);

  /** Bound from the `view` query parameter. */
  readonly view = input<string>();

  protected readonly tabs = computed(() => taskTabsFor(this.session.user()?.role));
  protected readonly tab = computed(() => tabOf(this.view(), this.tabs()));
  protected readonly firstPage = httpResource<TaskPage>(() => this.api.listUrl(this.tab().view, PAGE_SIZE));

  /** Pages loaded with "Show more", and where the next one starts; both start over with the first page. */
  private readonly laterTasks = linkedSignal<TaskPage | undefined, Task[]>({ source: () => this.firstPage.value(), computation: () => [] });
  protected readonly nextAfter = linkedSignal(() => this.firstPage.value()?.nextAfter ?? null);
  protected readonly tasks = computed(() => (this.firstPage.hasValue() ? [...this.firstPage.value().items, ...this.laterTasks()] : []));
  protected readonly loadingMore = signal(false);

  /** The task whose status change is on its way, and the server's words when a change or a page failed. */
  protected readonly busyId = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected showMore(after: string): void {
    this.loadingMore.set(true);
    this.api.nextPage(this.tab().view, PAGE_SIZE, after).subscribe({
      next: (page) => {
        this.laterTasks.update((tasks) => [...tasks, ...page.items]);
        this.nextAfter.set(page.nextAfter);
        this.loadingMore.set(false);
      },
      error: (error: unknown) => {
        this.actionError.set(apiErrorMessage(error));
        this.loadingMore.set(false);
      },
    });
  }

  protected changeStatus(task: Task, status: 'done' | 'open'): void {
    this.busyId.set(task.id);
    this.actionError.set(null);
    this.api.setStatus(task.id, status).subscribe({
      next: () => {
        this.busyId.set(null);
        this.firstPage.reload();
      },
      error: (error: unknown) => {
        this.busyId.set(null);
        this.actionError.set(apiErrorMessage(error));
      },
    });
  }
}
