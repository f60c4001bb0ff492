import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  PERSONA_MAX_CLUSTERS,
  PERSONA_MIN_CLUSTERS,
  type ApiErrorBody,
  type PersonaAnalysisParametersInput,
  type PersonaAnalysisResult,
  type PersonaTransformation,
  type PersonaUnit,
  type SegmentCatalogue,
  type SegmentRuleProblem,
} from '@marea/contracts';
import { RuleBuilder, RulePreview, asRuleInput, draftProblems, emptyRule, type DraftRule } from '@marea/web/rule-builder';
import { ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { AnalysesApi } from '../analyses-api/analyses-api';
import { TRANSFORMATION_LABELS, UNIT_LABELS } from '../analysis-labels/analysis-labels';
import { parameterProblems, typedNumber, type ParameterField } from './parameter-problems';

/** Product attributes every shop has; any other attribute key can be typed. */
const SUGGESTED_ATTRIBUTES = ['category', 'department', 'brand'];

/**
 * `/analyses/personas/new`: the parameters of a persona analysis and, optionally, its audience in
 * the rule builder. `?from=<id>` starts from an earlier analysis's parameters and shows the
 * number of clusters its data suggests. Starting it goes to the analysis, which follows its progress.
 */
@Component({
  selector: 'marea-new-persona-analysis-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, RuleBuilder, RulePreview],
  templateUrl: './new-persona-analysis-page.html',
  styleUrl: './new-persona-analysis-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPersonaAnalysisPage {
  private readonly api = inject(AnalysesApi);
  private readonly router = inject(Router);

  /** The `from` query parameter: an analysis to start from. */
  readonly from = input<string>();

  protected readonly attributes = SUGGESTED_ATTRIBUTES;
  protected readonly units = Object.entries(UNIT_LABELS) as [PersonaUnit, string][];
  protected readonly transformations = Object.entries(TRANSFORMATION_LABELS) as [PersonaTransformation, string][];
  protected readonly clusterCounts = Array.from({ length: PERSONA_MAX_CLUSTERS - PERSONA_MIN_CLUSTERS + 1 }, (_, i) => PERSONA_MIN_CLUSTERS + i);

  protected readonly earlier = httpResource<PersonaAnalysisResult>(() => {
    const from = this.from();
    return from ? this.api.personaUrl(from) : undefined;
  });
  protected readonly values = httpResource<SegmentCatalogue>(() => (this.withAudience() ? this.api.valuesUrl : undefined));
  protected readonly catalogue = computed(() => (this.values.hasValue() ? this.values.value() : null));

  protected readonly name = signal('');
  protected readonly attribute = signal('category');
  protected readonly unit = signal<PersonaUnit>('tickets');
  protected readonly transformation = signal<PersonaTransformation>('none');
  protected readonly clusters = signal(5);
  protected readonly withAudience = signal(false);
  protected readonly audience = signal<DraftRule>(emptyRule());
  protected readonly restarts = signal('10');
  protected readonly seed = signal('');

  protected readonly parameters = computed<PersonaAnalysisParametersInput>(() => {
    const seed = typedNumber(this.seed());
    return {
      name: this.name(),
      attribute: this.attribute(),
      unit: this.unit(),
      transformation: this.transformation(),
      clusters: this.clusters(),
      audience: this.withAudience() ? asRuleInput(this.audience()) : null,
      restarts: typedNumber(this.restarts()) ?? 10,
      ...(seed === undefined ? {} : { seed }),
    };
  });
  private readonly browserProblems = computed(() => parameterProblems(this.parameters()));
  protected readonly audienceProblems = computed(() => {
    const catalogue = this.catalogue();
    return this.withAudience() && catalogue ? draftProblems(this.audience(), catalogue) : [];
  });

  protected readonly triedToStart = signal(false);
  protected readonly starting = signal(false);
  protected readonly startError = signal<string | null>(null);
  protected readonly serverProblems = signal<Partial<Record<ParameterField, string>>>({});
  protected readonly audienceServerProblems = signal<SegmentRuleProblem[]>([]);
  /** A field's problem once the marketer has tried to start, the server's until the field changes. */
  protected readonly problems = computed(() => (this.triedToStart() ? { ...this.serverProblems(), ...this.browserProblems() } : this.serverProblems()));

  constructor() {
    // Start from the earlier analysis once it arrives; later edits are the marketer's.
    effect(() => {
      if (!this.earlier.hasValue()) return;
      const { name, parameters } = this.earlier.value();
      untracked(() => {
        this.name.set(name);
        this.attribute.set(parameters.attribute);
        this.unit.set(parameters.unit);
        this.transformation.set(parameters.transformation);
        this.clusters.set(parameters.clusters);
        this.withAudience.set(parameters.audience !== null);
        if (parameters.audience) this.audience.set(parameters.audience as unknown as DraftRule);
        this.restarts.set(String(parameters.restarts));
      });
    });
  }

  protected setField<T>(field: ParameterField, target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.serverProblems.update(({ [field]: _, ...rest }) => rest);
  }

  protected setAudience(rule: DraftRule): void {
    this.audience.set(rule);
    this.audienceServerProblems.set([]);
  }

  protected start(): void {
    this.triedToStart.set(true);
    if (Object.keys(this.browserProblems()).length || this.audienceProblems().length) return;
    this.starting.set(true);
    this.startError.set(null);
    this.api.startPersonaAnalysis(this.parameters()).subscribe({
      next: (analysis) => void this.router.navigate(['/analyses/personas', analysis.id]),
      error: (error: unknown) => {
        this.starting.set(false);
        this.startError.set(apiErrorMessage(error));
        this.placeServerProblems(error);
      },
    });
  }

  /** `audience.conditions[0]…` goes to the rule builder, the other details under their field. */
  private placeServerProblems(error: unknown): void {
    if (!(error instanceof HttpErrorResponse)) return;
    const details = (error.error as Partial<ApiErrorBody> | null)?.error?.details ?? [];
    const fields: Partial<Record<ParameterField, string>> = {};
    const audience: SegmentRuleProblem[] = [];
    for (const { field, message } of details) {
      if (field === 'audience' || field.startsWith('audience.') || field.startsWith('audience[')) {
        audience.push({ path: field.replace(/^audience\.?/, ''), code: 'invalid', message });
      } else {
        fields[field.split('.')[0] as ParameterField] ??= message;
      }
    }
    this.serverProblems.set(fields);
    this.audienceServerProblems.set(audience);
  }
}
