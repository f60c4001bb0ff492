import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PersonaAnalysisPage, PersonaAnalysisSummary } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { ANALYSIS_STATUS_LABELS } from '../analysis-labels/analysis-labels';
import { pollWhile } from '../poll-while/poll-while';

const PAGE_SIZE = 10;

export const isUnderWay = (analysis: PersonaAnalysisSummary) => analysis.status === 'queued' || analysis.status === 'running';

/** Past persona analyses, newest first, ten to a page; asks again while one of them is running. */
@Component({
  selector: 'marea-persona-analysis-list',
  imports: [RouterLink, LoadingState, ErrorState, EmptyState],
  templateUrl: './persona-analysis-list.html',
  styleUrl: './persona-analysis-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonaAnalysisList {
  private readonly api = inject(AnalysesApi);
  protected readonly format = inject(AnalysisFormat);
  protected readonly statusLabels = ANALYSIS_STATUS_LABELS;

  protected readonly page = signal(1);
  protected readonly analyses = httpResource<PersonaAnalysisPage>(() => this.api.personaListUrl(this.page(), PAGE_SIZE));
  protected readonly pages = computed(() => (this.analyses.hasValue() ? Math.max(1, Math.ceil(this.analyses.value().total / PAGE_SIZE)) : 1));

  protected readonly pageLabel = computed(() => $localize`:@@analyses.list.page:Page ${this.page()}:page: of ${this.pages()}:pages:`);

  constructor() {
    pollWhile(this.analyses, (page) => page.items.some(isUnderWay));
  }

}
