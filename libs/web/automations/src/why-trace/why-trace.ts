import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { AutomationTraceEntry } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';

/** Why the automation did or did not act for one customer: each decision of the engine, with its reason. */
@Component({
  selector: 'marea-why-trace',
  imports: [DatePipe, ErrorState, LoadingState],
  template: `
    <form class="field" (submit)="$event.preventDefault(); customerId.set(customer.value.trim())">
      <label for="why-customer" i18n="@@automations.why.customer">Why, for customer id</label>
      <div class="variable-picker">
        <input id="why-customer" #customer inputmode="numeric" />
        <button type="submit" class="button" i18n="@@automations.why.show">Explain</button>
      </div>
    </form>
    @if (trace.error(); as error) {
      <marea-error-state [error]="error" title="The trace could not be loaded" i18n-title="@@automations.why.error" (retry)="trace.reload()" />
    } @else if (trace.hasValue()) {
      @if (trace.value().items.length === 0) {
        <p class="field__help" data-trace-empty i18n="@@automations.why.empty">No decision for this customer: the automation never started for them.</p>
      } @else {
        <ol class="trace" data-trace>
          @for (entry of trace.value().items; track $index) {
            <li [class]="'trace--' + entry.outcome">
              <span class="mono">{{ entry.at | date: 'short' }}</span>
              <strong>{{ entry.stepId }}</strong> (v{{ entry.version }})
              <span>{{ entry.explanation }}</span>
              @if (entry.detail) {
                <span class="field__help">{{ entry.detail }}</span>
              }
            </li>
          }
        </ol>
      }
    } @else if (trace.isLoading()) {
      <marea-loading-state label="Loading the trace…" i18n-label="@@automations.why.loading" />
    }
  `,
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WhyTrace {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();
  protected readonly customerId = signal('');
  protected readonly trace = httpResource<{ items: AutomationTraceEntry[] }>(() => {
    const customerId = this.customerId();
    return customerId ? this.api.whyUrl(this.automationId(), customerId) : undefined;
  });
}
