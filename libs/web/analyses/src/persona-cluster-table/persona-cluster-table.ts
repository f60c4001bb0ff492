import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import type { PersonaAnalysisResult, PersonaCluster, PropensityLevelName } from '@marea/contracts';
import { DEFAULT_PROPENSITY_THRESHOLDS } from '@marea/domain/analyses';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { PROPENSITY_LABELS } from '../analysis-labels/analysis-labels';

const LEVELS: readonly PropensityLevelName[] = ['high', 'medium', 'low', 'zero'];

export interface ClusterRename {
  readonly cluster: number;
  readonly name: string;
}

/**
 * The clusters of a done analysis: an editable name (what segment rules and campaigns test) with
 * the suggested one beside it, the size, the values at each propensity level, and what can be
 * done with the cluster's customers.
 */
@Component({
  selector: 'marea-persona-cluster-table',
  templateUrl: './persona-cluster-table.html',
  styleUrl: './persona-cluster-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonaClusterTable {
  private readonly format = inject(AnalysisFormat);
  readonly result = input.required<PersonaAnalysisResult>();
  /** The cluster with a request on its way (its buttons wait). */
  readonly busyCluster = input<number | null>(null);
  /** The server's words about the last refused action, and the cluster it was about. */
  readonly problem = input<{ cluster: number; message: string } | null>(null);
  readonly rename = output<ClusterRename>();
  readonly enrich = output<PersonaCluster>();
  readonly campaign = output<PersonaCluster>();

  protected readonly levelLabels = PROPENSITY_LABELS;
  protected readonly thresholds = {
    high: this.format.number(DEFAULT_PROPENSITY_THRESHOLDS.high, '1.0-2'),
    medium: this.format.number(DEFAULT_PROPENSITY_THRESHOLDS.medium, '1.0-2'),
    zero: this.format.number(DEFAULT_PROPENSITY_THRESHOLDS.zero, '1.0-2'),
  };

  /** The names as typed, per cluster; they start over from the stored names whenever the result changes. */
  protected readonly names = linkedSignal(() => new Map(this.result().clusters.map((cluster) => [cluster.cluster, cluster.name])));

  protected readonly rows = computed(() => {
    const result = this.result();
    const total = result.clusters.reduce((sum, cluster) => sum + cluster.size, 0);
    return result.clusters.map((cluster) => ({
      cluster,
      number: cluster.cluster + 1,
      size: this.format.number(cluster.size, '1.0-0'),
      share: this.format.percent(total > 0 ? cluster.size / total : 0, '1.0-1'),
      levels: LEVELS.map((level) => ({
        level,
        values: result.values.filter((_, v) => cluster.propensity[v] === level),
      })).filter((group) => group.values.length > 0),
    }));
  });

  protected typed(cluster: number, name: string): void {
    this.names.update((names) => new Map(names).set(cluster, name));
  }

  protected nameOf(cluster: number): string {
    return this.names().get(cluster) ?? '';
  }

  protected save(cluster: PersonaCluster, name = this.nameOf(cluster.cluster)): void {
    this.rename.emit({ cluster: cluster.cluster, name: name.trim() });
  }
}
