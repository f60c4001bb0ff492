import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PersonaAnalysisResult } from '@marea/contracts';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { figureRows } from './persona-figures';

/** The heatmap's figures as a plain table: per value and cluster, the mean, the lift and the propensity level. */
@Component({
  selector: 'marea-persona-figures-table',
  template: `
    <div class="scroll">
      <table>
        <caption class="visually-hidden" i18n="@@analyses.figures.caption">Each cluster's mean, lift and propensity per value</caption>
        <thead>
          <tr>
            <th scope="col" i18n="@@analyses.figures.value">Value</th>
            <th scope="col" i18n="@@analyses.figures.audience">Audience mean</th>
            @for (cluster of result().clusters; track cluster.cluster) {
              <th scope="col">{{ cluster.name }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.value) {
            <tr>
              <th scope="row">{{ row.value }}</th>
              <td>{{ row.populationMean }}</td>
              @for (cell of row.cells; track cell.cluster) {
                <td [attr.data-cluster]="cell.cluster">
                  {{ cell.figure }} <span class="lift">{{ cell.liftText }}</span>&ngsp;<span class="level level--{{ cell.level }}">{{ cell.levelText }}</span>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { padding: var(--space-2) var(--space-3); border-bottom: 1px solid var(--border); text-align: right; white-space: nowrap; }
    th:first-child { text-align: left; }
    thead th { font-size: var(--text-sm); color: var(--text-muted); }
    .lift { color: var(--text-muted); }
    .level { display: inline-block; margin-left: var(--space-1); padding: 0 var(--space-2); border-radius: 999px; font-size: 0.75rem; background: var(--surface-muted); }
    .level--high { background: #dbe6fd; color: #1d4ed8; }
    .level--zero { background: #fde3e3; color: #b42318; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonaFiguresTable {
  private readonly format = inject(AnalysisFormat);
  readonly result = input.required<PersonaAnalysisResult>();
  protected readonly rows = computed(() => figureRows(this.result(), this.format));
}
