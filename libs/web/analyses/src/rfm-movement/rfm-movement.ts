import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RfmTransitionsQuery, type ApiErrorBody, type RfmTransitionTable } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { RFM_SEGMENT_LABELS } from '../analysis-labels/analysis-labels';

type DateField = 'from' | 'to';

/** A day `days` before today, in the browser's calendar, as YYYY-MM-DD. */
function dayBefore(days: number, today = new Date()): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * RFM movement: how many customers went from each segment on one day to each segment on another
 * (the transition table of the base). The days are checked as typed with the server's rule.
 */
@Component({
  selector: 'marea-rfm-movement',
  imports: [LoadingState, ErrorState],
  templateUrl: './rfm-movement.html',
  styleUrl: './rfm-movement.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RfmMovement {
  private readonly api = inject(AnalysesApi);
  protected readonly format = inject(AnalysisFormat);
  protected readonly labels = RFM_SEGMENT_LABELS;

  /** The days the table shows. */
  protected readonly shownDays = signal({ from: dayBefore(30), to: dayBefore(0) });
  protected readonly typed = linkedSignal(() => this.shownDays());
  protected readonly transitions = httpResource<RfmTransitionTable>(() => this.api.rfmTransitionsUrl(this.shownDays().from, this.shownDays().to));

  protected readonly problems = computed<Partial<Record<DateField, string>>>(() => {
    const parsed = RfmTransitionsQuery.safeParse(this.typed());
    const problems: Partial<Record<DateField, string>> = { ...this.serverProblems() };
    if (!parsed.success) for (const issue of parsed.error.issues) problems[issue.path[0] as DateField] ??= issue.message;
    return problems;
  });
  /** A refusal about the days goes under them; anything else is the section's error. */
  private readonly serverProblems = computed<Partial<Record<DateField, string>>>(() => {
    const error = this.transitions.error();
    if (!(error instanceof HttpErrorResponse) || error.status !== 400) return {};
    const problems: Partial<Record<DateField, string>> = {};
    for (const { field, message } of (error.error as Partial<ApiErrorBody> | null)?.error?.details ?? []) {
      if (field === 'from' || field === 'to') problems[field] ??= message;
    }
    return problems;
  });
  protected readonly otherError = computed(() => (Object.keys(this.serverProblems()).length ? undefined : this.transitions.error()));

  protected readonly table = computed(() => {
    if (!this.transitions.hasValue()) return null;
    const { segments, counts, computedAt, from, to } = this.transitions.value();
    return {
      from,
      to,
      computedAt: this.format.dateTime(computedAt),
      segments,
      rows: segments.map((segment, i) => ({
        segment,
        cells: counts[i].map((count, j) => ({ segment: segments[j], count: this.format.number(count, '1.0-0'), stayed: i === j, none: count === 0 })),
        total: this.format.number(counts[i].reduce((sum, count) => sum + count, 0), '1.0-0'),
      })),
    };
  });

  protected setDay(field: DateField, value: string): void {
    this.typed.update((days) => ({ ...days, [field]: value }));
  }

  protected show(): void {
    if (RfmTransitionsQuery.safeParse(this.typed()).success) this.shownDays.set(this.typed());
  }
}
