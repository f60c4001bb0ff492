import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { PersonaAnalysisResult, PersonaCluster } from '@marea/contracts';
import { ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import type { Observable } from 'rxjs';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { ANALYSIS_STATUS_LABELS, TRANSFORMATION_LABELS, UNIT_LABELS } from '../analysis-labels/analysis-labels';
import { clusterCampaign } from '../cluster-campaign/cluster-campaign';
import { EnrichmentDialog } from '../enrichment-dialog/enrichment-dialog';
import { EnrichmentList } from '../enrichment-list/enrichment-list';
import { PersonaClusterTable, type ClusterRename } from '../persona-cluster-table/persona-cluster-table';
import { PersonaFiguresTable } from '../persona-figures/persona-figures-table';
import { PersonaHeatmap } from '../persona-heatmap/persona-heatmap';
import { isUnderWay } from '../persona-analysis-list/persona-analysis-list';
import { pollWhile } from '../poll-while/poll-while';

/**
 * `/analyses/personas/:id`: follows a queued or running analysis (its progress, asked again
 * until it ends), then shows its result: the heatmap or the same figures as a table, the clusters
 * with their names, sizes and propensities, enrichment, a campaign per cluster.
 */
@Component({
  selector: 'marea-persona-analysis-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, PersonaHeatmap, PersonaFiguresTable, PersonaClusterTable, EnrichmentDialog, EnrichmentList],
  templateUrl: './persona-analysis-page.html',
  styleUrl: './persona-analysis-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonaAnalysisPage {
  private readonly api = inject(AnalysesApi);
  private readonly router = inject(Router);
  protected readonly format = inject(AnalysisFormat);
  protected readonly statusLabels = ANALYSIS_STATUS_LABELS;
  protected readonly unitLabels = UNIT_LABELS;
  protected readonly transformationLabels = TRANSFORMATION_LABELS;

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly analysis = httpResource<PersonaAnalysisResult>(() => this.api.personaUrl(this.id()));
  protected readonly result = computed(() => (this.analysis.hasValue() ? this.analysis.value() : undefined));
  protected readonly clusterNames = computed(() => new Map((this.result()?.clusters ?? []).map((cluster) => [cluster.cluster, cluster.name])));
  protected readonly view = signal<'heatmap' | 'table'>('heatmap');

  protected readonly busyCluster = signal<number | null>(null);
  protected readonly clusterProblem = signal<{ cluster: number; message: string } | null>(null);
  protected readonly enriching = signal<PersonaCluster | null>(null);
  protected readonly lastApplied = signal<string | null>(null);
  private readonly enrichmentList = viewChild(EnrichmentList);

  constructor() {
    pollWhile(this.analysis, isUnderWay);
  }

  protected rename({ cluster, name }: ClusterRename): void {
    this.act(cluster, this.api.renameCluster(this.id(), cluster, name), () => this.analysis.reload());
  }

  protected createCampaign(cluster: PersonaCluster): void {
    const result = this.result();
    if (!result) return;
    this.act(cluster.cluster, this.api.createAutomation(clusterCampaign(result, cluster)), (automation) =>
      void this.router.navigate(['/automations', automation.id]),
    );
  }

  protected enriched(customers: number): void {
    this.enriching.set(null);
    this.lastApplied.set($localize`:@@analyses.enrich.done:Applied to ${this.format.number(customers, '1.0-0')}:customers: customers.`);
    this.enrichmentList()?.reload();
  }

  private act<T>(cluster: number, request: Observable<T>, done: (answer: T) => void): void {
    this.busyCluster.set(cluster);
    this.clusterProblem.set(null);
    request.subscribe({
      next: (answer) => {
        this.busyCluster.set(null);
        done(answer);
      },
      error: (error: unknown) => {
        this.busyCluster.set(null);
        this.clusterProblem.set({ cluster, message: apiErrorMessage(error) });
      },
    });
  }
}
