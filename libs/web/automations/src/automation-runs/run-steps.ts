import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AutomationRun, AutomationTraceEntry } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';
import { outcomeWords, stepsOfRun } from './run-words';

/**
 * The steps of one run and the reason of each decision: the customer's "why" trace
 * (`GET …/why/:customerId`), narrowed to the run's occurrence.
 */
@Component({
  selector: 'marea-run-steps',
  imports: [DatePipe, ErrorState, LoadingState],
  template: `
    @if (trace.error(); as error) {
      <marea-error-state [error]="error" title="The steps of this run could not be loaded" i18n-title="@@automations.runs.steps.error" (retry)="trace.reload()" />
    } @else if (trace.hasValue()) {
      @if (steps().length === 0) {
        <p class="field__help" data-run-steps-empty i18n="@@automations.runs.steps.empty">No decision recorded for this run yet.</p>
      } @else {
        <ol class="run-steps" data-run-steps>
          @for (entry of steps(); track $index) {
            <li [class]="'trace--' + entry.outcome" [attr.data-step]="entry.stepId" [attr.data-reason]="entry.reason">
              <span class="mono">{{ entry.at | date: 'short' }}</span>
              <strong>{{ entry.stepId }}</strong>
              <span class="outcome">{{ outcomeWords(entry.outcome) }}</span>
              <span>{{ entry.explanation }}</span>
              @if (entry.detail) {
                <span class="field__help">{{ entry.detail }}</span>
              }
            </li>
          }
        </ol>
      }
    } @else {
      <marea-loading-state label="Loading the steps of this run…" i18n-label="@@automations.runs.steps.loading" />
    }
  `,
  styles: `
    .run-steps { margin: 0; padding-left: var(--space-5); display: grid; gap: var(--space-1); font-size: var(--text-sm); }
    .run-steps li { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: baseline; }
    .outcome { font-weight: 600; }
    .trace--skipped .outcome { color: var(--danger); }
    .trace--deferred .outcome { color: var(--warning); }
    .mono { font-family: ui-monospace, monospace; }
    .field__help { margin: 0; color: var(--text-muted); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunSteps {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();
  readonly run = input.required<AutomationRun>();
  protected readonly trace = httpResource<{ items: AutomationTraceEntry[] }>(() => this.api.whyUrl(this.automationId(), this.run().customerId));
  protected readonly steps = computed(() => (this.trace.hasValue() ? stepsOfRun(this.run(), this.trace.value().items) : []));
  protected readonly outcomeWords = outcomeWords;
}
