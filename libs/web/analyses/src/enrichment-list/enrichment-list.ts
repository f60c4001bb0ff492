import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { PersonaEnrichment, PersonaEnrichmentList } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, apiErrorMessage } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';

/** The enrichments applied from an analysis, newest first: what was set, on how many, by whom; Revert undoes one. */
@Component({
  selector: 'marea-enrichment-list',
  imports: [LoadingState, ErrorState, EmptyState],
  templateUrl: './enrichment-list.html',
  styleUrl: './enrichment-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrichmentList {
  private readonly api = inject(AnalysesApi);
  protected readonly format = inject(AnalysisFormat);

  readonly analysisId = input.required<string>();
  /** The clusters' names by index, to say which cluster an enrichment was for. */
  readonly clusterNames = input.required<ReadonlyMap<number, string>>();

  protected readonly enrichments = httpResource<PersonaEnrichmentList>(() => this.api.enrichmentsUrl(this.analysisId()));
  protected readonly items = computed(() => (this.enrichments.hasValue() ? this.enrichments.value().items : []));
  protected readonly reverting = signal<string | null>(null);
  protected readonly revertError = signal<string | null>(null);

  /** Asks again, after an enrichment was applied elsewhere on the screen. */
  reload(): void {
    this.enrichments.reload();
  }

  protected pairsOf(enrichment: PersonaEnrichment): [string, string][] {
    return Object.entries(enrichment.attributes);
  }

  protected revert(enrichment: PersonaEnrichment): void {
    this.reverting.set(enrichment.id);
    this.revertError.set(null);
    this.api.revertEnrichment(enrichment.id).subscribe({
      next: () => {
        this.reverting.set(null);
        this.enrichments.reload();
      },
      error: (error: unknown) => {
        this.reverting.set(null);
        this.revertError.set(apiErrorMessage(error));
      },
    });
  }
}
