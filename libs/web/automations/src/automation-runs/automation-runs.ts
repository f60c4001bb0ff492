import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AutomationRun } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';
import { RunSteps } from './run-steps';
import { runStatusWords } from './run-words';

const PAGE = 50;
/** The runs route answers at most this many at once. */
const MOST = 500;

/**
 * The runs of an automation, newest first (`GET …/runs`): who entered, with which version, where
 * the run is or how it ended; one customer's runs on request; each run opens onto its steps and
 * the reason of every decision.
 */
@Component({
  selector: 'marea-automation-runs',
  imports: [DatePipe, RouterLink, RunSteps, EmptyState, ErrorState, LoadingState],
  templateUrl: './automation-runs.html',
  styleUrl: './automation-runs.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationRuns {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();

  protected readonly customerId = signal('');
  protected readonly limit = signal(PAGE);
  protected readonly runs = httpResource<{ items: AutomationRun[] }>(() => this.api.runsUrl(this.automationId(), this.limit(), this.customerId() || undefined));
  protected readonly items = computed(() => (this.runs.hasValue() ? this.runs.value().items : []));
  /** A full page may hide older runs. */
  protected readonly more = computed(() => this.items().length === this.limit() && this.limit() < MOST);
  /** The runs opened onto their steps. */
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly statusWords = runStatusWords;

  protected filter(customerId: string): void {
    this.customerId.set(customerId.trim());
    this.limit.set(PAGE);
  }

  protected showMore(): void {
    this.limit.update((limit) => Math.min(limit + PAGE * 2, MOST));
  }

  protected toggle(run: AutomationRun): void {
    this.open.update((open) => {
      const next = new Set(open);
      if (!next.delete(run.id)) next.add(run.id);
      return next;
    });
  }
}
