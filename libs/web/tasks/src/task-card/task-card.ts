import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Task } from '@marea/contracts';
import { PRIORITY_LABELS } from '../task-labels/task-labels';

/** One task of the inbox: what to do, for which customer, by when, and the button that completes or reopens it. */
@Component({
  selector: 'marea-task-card',
  imports: [RouterLink],
  templateUrl: './task-card.html',
  styleUrl: './task-card.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskCard {
  private readonly locale = inject(LOCALE_ID);

  readonly task = input.required<Task>();
  /** While its status change travels to the server. */
  readonly busy = input(false);
  readonly statusChange = output<'done' | 'open'>();

  protected readonly priorities = PRIORITY_LABELS;

  protected dateTime(value: string): string {
    return formatDate(value, 'medium', this.locale);
  }
}
