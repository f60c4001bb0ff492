import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, ClvModelFit } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { HoldoutChart } from '../holdout-chart/holdout-chart';
import { pollWhile } from '../poll-while/poll-while';
import { RfmMovement } from '../rfm-movement/rfm-movement';

/** The API's answer when no fit exists yet: an empty state, not an error. */
const NO_CLV_MODEL = 'NO_CLV_MODEL';

/**
 * `/analyses/clv-model`: the model in force, i.e. the latest done fit of BG/NBD and Gamma-Gamma
 * (parameters, log-likelihoods, customers, when), its holdout check as a chart, a refit in the
 * background (followed at its own address until it ends, then shown), and the RFM movement
 * between two days.
 */
@Component({
  selector: 'marea-clv-model-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, EmptyState, HoldoutChart, RfmMovement],
  templateUrl: './clv-model-page.html',
  styleUrl: './clv-model-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClvModelPage {
  private readonly api = inject(AnalysesApi);
  protected readonly format = inject(AnalysisFormat);

  protected readonly fit = httpResource<ClvModelFit>(() => this.api.clvModelUrl);
  protected readonly noModelYet = computed(() => {
    const error = this.fit.error();
    return error instanceof HttpErrorResponse && (error.error as Partial<ApiErrorBody> | null)?.error?.code === NO_CLV_MODEL;
  });
  protected readonly latest = computed(() => (this.fit.hasValue() ? this.fit.value() : undefined));

  /** The refit started here, followed until it ends. */
  private readonly refitId = signal<string | null>(null);
  protected readonly refitRun = httpResource<ClvModelFit>(() => {
    const id = this.refitId();
    return id === null ? undefined : this.api.clvModelFitUrl(id);
  });
  protected readonly refitStatus = computed(() => (this.refitRun.hasValue() ? this.refitRun.value() : undefined));
  protected readonly refitting = signal(false);
  protected readonly refitError = signal<string | null>(null);

  constructor() {
    pollWhile(this.refitRun, (fit) => fit.status === 'running');
    // A refit that ended (done or failed) changes what the model in force is, or says why it did not.
    effect(() => {
      if (this.refitStatus() && this.refitStatus()?.status !== 'running') untracked(() => this.fit.reload());
    });
  }

  protected refit(): void {
    this.refitting.set(true);
    this.refitError.set(null);
    this.api.refitClvModel().subscribe({
      next: (fit) => {
        this.refitting.set(false);
        this.refitId.set(fit.id);
      },
      error: (error: unknown) => {
        this.refitting.set(false);
        this.refitError.set(apiErrorMessage(error));
      },
    });
  }

  protected parameter(value: number | undefined, digits = '1.4-4'): string {
    return this.format.number(value ?? null, digits);
  }
}
