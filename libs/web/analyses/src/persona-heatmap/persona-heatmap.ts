import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PersonaAnalysisResult } from '@marea/contracts';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { figureRows } from '../persona-figures/persona-figures';
import { heatmapTone } from './heatmap-tone';

/**
 * The persona heatmap: rows are the attribute values, columns the clusters. Each cell shows the
 * cluster's mean and is blue when the cluster buys the value more than the audience does, red
 * when less, deeper the further from the audience's mean. Every cell also says so in words.
 */
@Component({
  selector: 'marea-persona-heatmap',
  templateUrl: './persona-heatmap.html',
  styleUrl: './persona-heatmap.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonaHeatmap {
  private readonly format = inject(AnalysisFormat);
  readonly result = input.required<PersonaAnalysisResult>();

  protected readonly clusters = computed(() =>
    this.result().clusters.map((cluster) => ({
      cluster: cluster.cluster,
      name: cluster.name,
      size: $localize`:@@analyses.heatmap.size:${this.format.number(cluster.size, '1.0-0')}:size: customers`,
    })),
  );
  protected readonly rows = computed(() =>
    figureRows(this.result(), this.format).map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, tone: heatmapTone(cell.lift) })),
    })),
  );
  protected readonly legend = {
    low: `×${this.format.number(0.25, '1.2-2')}`,
    high: `×${this.format.number(4, '1.0-0')}`,
  };
}
