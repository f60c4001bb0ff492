import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ClvHoldout } from '@marea/contracts';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { holdoutGeometry } from './holdout-geometry';

const WIDTH = 640;
const HEIGHT = 200;

/**
 * Predicted against actual repeat purchases in the weeks after the calibration cut-off: bars for
 * what happened, a line for what the model expected. The same figures are listed in a table for
 * screen readers and for anyone who wants the numbers.
 */
@Component({
  selector: 'marea-holdout-chart',
  templateUrl: './holdout-chart.html',
  styleUrl: './holdout-chart.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HoldoutChart {
  protected readonly format = inject(AnalysisFormat);
  readonly holdout = input.required<ClvHoldout>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly geometry = computed(() => holdoutGeometry(this.holdout().weeks, WIDTH, HEIGHT));
  protected readonly summary = computed(() => {
    const { predictedTotal, actualTotal, weeks, cutoff } = this.holdout();
    return $localize`:@@analyses.holdout.summary:Over the ${weeks.length}:weeks: weeks after ${this.format.day(cutoff)}:cutoff: the model expected ${this.format.number(predictedTotal, '1.0-1')}:predicted: repeat purchases; ${this.format.number(actualTotal, '1.0-0')}:actual: happened.`;
  });
}
