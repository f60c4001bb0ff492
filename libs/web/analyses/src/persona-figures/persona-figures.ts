import type { PersonaAnalysisResult, PropensityLevelName } from '@marea/contracts';
import type { AnalysisFormat } from '../analysis-format/analysis-format';
import { PROPENSITY_LABELS } from '../analysis-labels/analysis-labels';

export interface FigureCell {
  readonly cluster: number;
  /** The cluster's mean of the value (tickets, or share of spend), formatted. */
  readonly figure: string;
  readonly lift: number;
  /** "×1.9" */
  readonly liftText: string;
  readonly level: PropensityLevelName;
  readonly levelText: string;
  /** The whole cell in words, for screen readers and the tooltip. */
  readonly description: string;
}

export interface FigureRow {
  readonly value: string;
  readonly populationMean: string;
  readonly cells: readonly FigureCell[];
}

/**
 * One row per attribute value, one cell per cluster: what the heatmap colours and the table
 * lists. Figures are on the untransformed matrix, so "×2" means twice the audience's tickets
 * (or share of spend), whatever transformation the clustering used.
 */
export function figureRows(result: PersonaAnalysisResult, format: AnalysisFormat): FigureRow[] {
  const figure = (mean: number) => (result.parameters.unit === 'spend_share' ? format.percent(mean, '1.0-1') : format.number(mean, '1.2-2'));
  return result.values.map((value, v) => ({
    value,
    populationMean: figure(result.populationMean[v]),
    cells: result.clusters.map((cluster) => {
      const shown = figure(cluster.centroid[v]);
      const lift = cluster.lifts[v];
      const liftText = `×${format.number(lift, '1.1-1')}`;
      const level = cluster.propensity[v];
      const levelText = PROPENSITY_LABELS[level];
      return {
        cluster: cluster.cluster,
        figure: shown,
        lift,
        liftText,
        level,
        levelText,
        description: $localize`:@@analyses.figures.cell:${value}:value: in ${cluster.name}:cluster:: ${shown}:figure:, ${liftText}:lift: the audience's mean, propensity ${levelText}:level:`,
      };
    }),
  }));
}
