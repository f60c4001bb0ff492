import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import type { ApiErrorBody, PersonaCluster, PersonaClusterCustomerPage, PersonaEnrichment } from '@marea/contracts';
import { apiErrorMessage } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { AnalysisFormat } from '../analysis-format/analysis-format';
import { attributesOf, firstPairs, hasProblems, pairProblems, propensityPairs, type EnrichmentPair } from './enrichment-pairs';

/**
 * Key / value pairs set on every customer of a cluster (custom fields: `persona = Huerto +
 * Plantas`, `propensity_plantas = high`). Says how many customers it applies to before it is
 * applied; the server records who applied it, and it can be reverted from the list.
 */
@Component({
  selector: 'marea-enrichment-dialog',
  templateUrl: './enrichment-dialog.html',
  styleUrl: './enrichment-dialog.css',
  host: { '(document:keydown.escape)': 'closed.emit()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EnrichmentDialog {
  private readonly api = inject(AnalysesApi);
  protected readonly format = inject(AnalysisFormat);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly analysisId = input.required<string>();
  readonly cluster = input.required<PersonaCluster>();
  /** The attribute values, in the order of the cluster's propensities. */
  readonly values = input.required<readonly string[]>();
  readonly closed = output<void>();
  readonly applied = output<PersonaEnrichment>();

  protected readonly customers = httpResource<PersonaClusterCustomerPage>(() => this.api.clusterCustomersUrl(this.analysisId(), this.cluster().cluster));
  protected readonly pairs = linkedSignal<EnrichmentPair[]>(() => firstPairs(this.cluster()));
  protected readonly problems = computed(() => pairProblems(this.pairs()));
  protected readonly triedToApply = signal(false);
  protected readonly applying = signal(false);
  protected readonly applyError = signal<string | null>(null);
  /** The server's problems by key, until that pair changes. */
  protected readonly serverProblems = signal<Record<string, string>>({});
  protected readonly errorMessage = apiErrorMessage;

  constructor() {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>('input')?.focus());
  }

  protected customerName(customer: PersonaClusterCustomerPage['items'][number]): string {
    return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.externalId;
  }

  protected edit(row: number, part: keyof EnrichmentPair, text: string): void {
    const key = this.pairs()[row].key.trim();
    this.pairs.update((pairs) => pairs.map((pair, i) => (i === row ? { ...pair, [part]: text } : pair)));
    this.serverProblems.update(({ [key]: _, ...rest }) => rest);
  }

  protected addPair(): void {
    this.pairs.update((pairs) => [...pairs, { key: '', value: '' }]);
  }

  protected addPropensities(): void {
    const present = new Set(this.pairs().map((pair) => pair.key.trim()));
    const missing = propensityPairs(this.cluster(), this.values()).filter((pair) => !present.has(pair.key));
    this.pairs.update((pairs) => [...pairs.filter((pair) => pair.key.trim() || pair.value.trim()), ...missing]);
  }

  protected removePair(row: number): void {
    this.pairs.update((pairs) => pairs.filter((_, i) => i !== row));
  }

  protected removeAll(): void {
    this.pairs.set([{ key: '', value: '' }]);
    this.serverProblems.set({});
  }

  protected apply(): void {
    this.triedToApply.set(true);
    if (hasProblems(this.problems())) return;
    this.applying.set(true);
    this.applyError.set(null);
    this.api.enrichCluster(this.analysisId(), this.cluster().cluster, attributesOf(this.pairs())).subscribe({
      next: (enrichment) => this.applied.emit(enrichment),
      error: (error: unknown) => {
        this.applying.set(false);
        this.applyError.set(apiErrorMessage(error));
        this.serverProblems.set(problemsByKey(error));
      },
    });
  }
}

/** `attributes.persona` → the pair whose key is `persona`. */
function problemsByKey(error: unknown): Record<string, string> {
  if (!(error instanceof HttpErrorResponse)) return {};
  const details = (error.error as Partial<ApiErrorBody> | null)?.error?.details ?? [];
  const problems: Record<string, string> = {};
  for (const { field, message } of details) {
    const key = /^attributes\.(.+)$/.exec(field)?.[1];
    if (key) problems[key] ??= message;
  }
  return problems;
}
