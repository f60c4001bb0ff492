import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DeadLetter } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';

/** What a step job carries, as far as this screen reads it (the engine owns the shape). */
interface StepJob {
  runId?: string;
  stepId?: string;
  /** The job that ends a wait whose event never came. */
  timeout?: boolean;
}

/**
 * Step jobs that failed every retry (`GET /api/v1/automations/dead-letters`), e.g. an SMTP server
 * answering 4xx for hours: which run and step, when and why it failed, and *Retry*
 * (`POST …/dead-letters/:jobId/retry`) once the cause is fixed. A retried job leaves the list.
 */
@Component({
  selector: 'marea-dead-letters-page',
  imports: [DatePipe, RouterLink, PageHeader, LoadingState, ErrorState, EmptyState],
  templateUrl: './dead-letters-page.html',
  styleUrl: './dead-letters-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadLettersPage {
  private readonly api = inject(AutomationsApi);
  protected readonly deadLetters = httpResource<{ items: DeadLetter[] }>(() => this.api.deadLettersUrl);
  protected readonly items = computed(() => (this.deadLetters.hasValue() ? this.deadLetters.value().items : []));
  protected readonly retrying = signal<string | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected jobOf(letter: DeadLetter): StepJob {
    return letter.data !== null && typeof letter.data === 'object' ? (letter.data as StepJob) : {};
  }

  /** The error pg-boss kept: its message when it has one. */
  protected errorText(letter: DeadLetter): string {
    const error = letter.error as { message?: unknown } | string | null | undefined;
    if (typeof error === 'string') return error;
    if (error && typeof error.message === 'string') return error.message;
    return error === null || error === undefined ? '—' : JSON.stringify(error);
  }

  protected retry(letter: DeadLetter): void {
    this.retrying.set(letter.id);
    this.problem.set(null);
    this.notice.set(null);
    this.api.retryDeadLetter(letter.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.notice.set($localize`:@@automations.deadLetters.retried:Job ${letter.id}:id: is back on the queue.`);
        this.deadLetters.update((body) => body && { items: body.items.filter((item) => item.id !== letter.id) });
      },
      error: (error: unknown) => {
        this.retrying.set(null);
        this.problem.set(apiErrorMessage(error));
      },
    });
  }
}
