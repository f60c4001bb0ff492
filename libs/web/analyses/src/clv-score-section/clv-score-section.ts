import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import type { ClvScoreTable, ClvState, ClvStateLimits } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { CLV_STATE_LABELS } from '../analysis-labels/analysis-labels';
import { DEFAULT_STATE_LIMITS, StateLimitsForm } from '../state-limits-form/state-limits-form';
import { limitProblemsOf } from './limit-problems';

interface ScoreRow {
  readonly state: ClvState;
  readonly label: string;
  readonly days: string;
  readonly cells: readonly string[];
}

/**
 * The CLV score table by recency state, computed live by the server with the limits chosen
 * here. The last table stays on screen while one with new limits loads; a refusal of the limits
 * is shown under the fields it names.
 */
@Component({
  selector: 'marea-clv-score-section',
  imports: [StateLimitsForm, LoadingState, ErrorState],
  templateUrl: './clv-score-section.html',
  styleUrl: './clv-score-section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClvScoreSection {
  private readonly api = inject(AnalysesApi);
  private readonly format = inject(AnalysisFormat);

  protected readonly limits = signal<ClvStateLimits>(DEFAULT_STATE_LIMITS);
  protected readonly table = httpResource<ClvScoreTable>(() => this.api.clvStatesUrl(this.limits()));
  /** The latest table received, kept while the next one loads or is refused. */
  protected readonly shown = linkedSignal<ClvScoreTable | undefined, ClvScoreTable | undefined>({
    source: () => (this.table.hasValue() ? this.table.value() : undefined),
    computation: (table, previous) => table ?? previous?.value,
  });
  protected readonly limitProblems = computed(() => limitProblemsOf(this.table.error()));
  /** An error that is not about the limits is the whole section's. */
  protected readonly otherError = computed(() => (Object.keys(this.limitProblems()).length ? undefined : this.table.error()));

  protected readonly rows = computed<ScoreRow[]>(() => {
    const table = this.shown();
    if (!table) return [];
    const f = this.format;
    const currency = table.currency;
    return table.states.map((figures) => ({
      state: figures.state,
      label: CLV_STATE_LABELS[figures.state],
      days: this.daysOf(figures.state, table.limits),
      cells: [
        f.number(figures.customers, '1.0-0'),
        f.number(figures.tickets, '1.0-0'),
        f.money(figures.averageTicket, currency),
        f.number(figures.meanRecencyDays, '1.0-0'),
        f.money(figures.totalSpend, currency, '1.0-0'),
        f.number(figures.ticketsPerCustomer, '1.2-2'),
        f.money(figures.spendPerCustomer, currency),
        f.percent(figures.customerShare),
        f.percent(figures.revenueShare),
      ],
    }));
  });

  protected readonly totals = computed(() => {
    const table = this.shown();
    if (!table) return null;
    return {
      customers: this.format.number(table.total.customers, '1.0-0'),
      tickets: this.format.number(table.total.tickets, '1.0-0'),
      spend: this.format.money(table.total.totalSpend, table.currency, '1.0-0'),
      computedAt: this.format.dateTime(table.computedAt),
    };
  });

  protected applyLimits(limits: ClvStateLimits): void {
    this.limits.set(limits);
  }

  /** The days since the last purchase a state spans: [0, active), [active, inactive) … [hibernating, ∞). */
  private daysOf(state: ClvState, limits: ClvStateLimits): string {
    const n = (days: number) => this.format.number(days, '1.0-0');
    switch (state) {
      case 'active':
        return $localize`:@@analyses.score.daysBelow:0–${n(limits.activeDays - 1)}:last: days`;
      case 'inactive':
        return $localize`:@@analyses.score.daysBetween:${n(limits.activeDays)}:first:–${n(limits.inactiveDays - 1)}:last: days`;
      case 'hibernating':
        return $localize`:@@analyses.score.daysBetween:${n(limits.inactiveDays)}:first:–${n(limits.hibernatingDays - 1)}:last: days`;
      case 'lost':
        return $localize`:@@analyses.score.daysFrom:${n(limits.hibernatingDays)}:first: days or more`;
    }
  }
}
