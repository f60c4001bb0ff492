import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Task, TaskPage, TaskStatus, TaskView } from '@marea/contracts';
import { Observable } from 'rxjs';

const TASKS = '/api/v1/tasks';

/** The addresses of the task API, and the calls that are not a plain GET resource. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  readonly listUrl = (view: TaskView, limit: number) => `${TASKS}?${new URLSearchParams({ view, limit: String(limit) })}`;

  nextPage(view: TaskView, limit: number, after: string): Observable<TaskPage> {
    return this.http.get<TaskPage>(TASKS, { params: { view, limit: String(limit), after } });
  }

  /** Completes (`done`) or reopens (`open`) a task; answers the task as it now is. */
  setStatus(id: string, status: TaskStatus): Observable<Task> {
    return this.http.patch<Task>(`${TASKS}/${encodeURIComponent(id)}`, { status });
  }
}
