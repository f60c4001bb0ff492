import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PageHeader } from '@marea/web/ui';
import { ClvScoreSection } from '../clv-score-section/clv-score-section';
import { PersonaAnalysisList } from '../persona-analysis-list/persona-analysis-list';

/** `/analyses`: the CLV score table by recency state first, then the persona analyses. */
@Component({
  selector: 'marea-analyses-home-page',
  imports: [RouterLink, PageHeader, ClvScoreSection, PersonaAnalysisList],
  template: `
    <marea-page-header
      heading="Analyses"
      i18n-heading="@@analyses.heading"
      lead="Who your customers are and what they are worth: recency states, personas, the CLV model."
      i18n-lead="@@analyses.lead"
    >
      <a class="button" routerLink="/analyses/clv-model" i18n="@@analyses.toModel">CLV model and RFM movement</a>
    </marea-page-header>
    <div class="sections">
      <marea-clv-score-section />
      <marea-persona-analysis-list />
    </div>
  `,
  styles: `
    .sections {
      display: grid;
      gap: var(--space-5);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnalysesHomePage {}
