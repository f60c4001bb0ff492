import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Automation, AutomationDefinition, AutomationProblem, AutomationStatistics, AutomationStep, SegmentCatalogue } from '@marea/contracts';
import { ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { AddStep } from '../add-step/add-step';
import { AutomationRuns } from '../automation-runs/automation-runs';
import { AutomationVersions } from '../automation-versions/automation-versions';
import { AutomationsApi, last30Days } from '../automations-api/automations-api';
import { FlowCanvas } from '../flow-canvas/flow-canvas';
import { definitionProblems, problemsByNode } from '../flow/definition-problems';
import { refusedProblems } from '../flow/refused-problems';
import { insertStep, removeStep, type InsertionPoint, type NewStepKind } from '../flow/flow-edits';
import { MessageTools } from '../message-tools/message-tools';
import { StepPanel } from '../step-panel/step-panel';
import { ConditionsPanel } from '../trigger-panel/conditions-panel';
import { TriggerPanel } from '../trigger-panel/trigger-panel';
import { WhyTrace } from '../why-trace/why-trace';
import { EDITOR_TABS, nextTab, type EditorTab } from './editor-tabs';
import { newDefinition } from './new-definition';
import { stepCounts } from './step-counts';

/**
 * The automation editor: the flow on a canvas, the selected node's form in a side panel, the
 * flow checked as it changes with the server's own checks (each problem on its node), save
 * (a new automation, or a new version of one), activate / deactivate, and for a saved one:
 * each step's counts of the last 30 days, a preview and test send of its messages, and why it
 * did or did not act for a customer; its runs (each with its steps and reasons) and its versions
 * (a past one read-only) are tabs beside the flow.
 */
@Component({
  selector: 'marea-automation-editor-page',
  imports: [
    RouterLink,
    PageHeader,
    LoadingState,
    ErrorState,
    FlowCanvas,
    TriggerPanel,
    ConditionsPanel,
    StepPanel,
    AddStep,
    MessageTools,
    WhyTrace,
    AutomationRuns,
    AutomationVersions,
  ],
  templateUrl: './automation-editor-page.html',
  styleUrl: './automation-editor-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationEditorPage {
  private readonly api = inject(AutomationsApi);
  private readonly router = inject(Router);
  /** The route's `:id`; absent on `automations/new`. */
  readonly id = input<string>();
  /** `?kind=campaign` on `automations/new` starts a one-off campaign. */
  readonly kind = input<string>();
  /** `?tab=runs|versions` opens a saved automation on that tab. */
  readonly tab = input<string>();

  protected readonly existing = httpResource<Automation>(() => {
    const id = this.id();
    return id === undefined ? undefined : this.api.automationUrl(id);
  });
  protected readonly values = httpResource<SegmentCatalogue>(() => this.api.valuesUrl);
  protected readonly statistics = httpResource<AutomationStatistics>(() => {
    const id = this.id();
    if (id === undefined) return undefined;
    const { from, to } = last30Days();
    return this.api.statisticsUrl(id, from, to);
  });

  /** The automation as last saved (loaded, created or given a new version). */
  protected readonly saved = signal<Automation | null>(null);
  protected readonly name = signal('');
  protected readonly definition = signal<AutomationDefinition>(newDefinition(false));
  protected readonly selected = signal<string>('trigger');
  protected readonly tabs = EDITOR_TABS;
  protected readonly currentTab = linkedSignal<EditorTab>(() => EDITOR_TABS.find((tab) => tab.id === this.tab())?.id ?? 'flow');

  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly triedToSave = signal(false);
  protected readonly notice = signal<string | null>(null);
  /** What the server found in the last refused save (template syntax …); gone with the next edit. */
  private readonly refused = signal<AutomationProblem[]>([]);

  protected readonly catalogue = computed(() => (this.values.hasValue() ? this.values.value() : null));
  protected readonly problems = computed(() => definitionProblems(this.definition()));
  protected readonly nodeProblems = computed(() => problemsByNode([...this.problems(), ...this.refused()]));
  protected readonly nameProblem = computed(() => (this.name().trim() ? null : $localize`:@@automations.editor.nameNeeded:Give the automation a name.`));
  protected readonly counts = computed(() => (this.statistics.hasValue() ? stepCounts(this.statistics.value()) : {}));
  protected readonly selectedStep = computed((): AutomationStep | null => this.definition().steps[this.selected()] ?? null);
  protected readonly unsaved = computed(() => {
    const saved = this.saved();
    return !saved || saved.name !== this.name() || JSON.stringify(saved.definition) !== JSON.stringify(this.definition());
  });
  /** The last step cannot go: a flow needs somewhere to start. */
  protected readonly onlyStep = computed(() => Object.keys(this.definition().steps).length === 1);
  protected readonly messageStep = computed(() => {
    const step = this.selectedStep();
    return step?.kind === 'action' && (step.action.kind === 'email' || step.action.kind === 'sms');
  });
  protected readonly heading = computed(() => {
    if (this.id() !== undefined) return this.saved()?.name ?? $localize`:@@automations.editor.heading:Automation`;
    return this.kind() === 'campaign' ? $localize`:@@automations.editor.newCampaign:New campaign` : $localize`:@@automations.editor.new:New automation`;
  });

  constructor() {
    effect(() => {
      const campaign = this.kind() === 'campaign';
      if (this.id() === undefined) untracked(() => this.definition.set(newDefinition(campaign)));
    });
    // Fill the editor once the automation arrives; later edits are the marketer's.
    effect(() => {
      if (this.existing.hasValue()) {
        const automation = this.existing.value();
        untracked(() => this.load(automation));
      }
    });
  }

  /** Arrow keys, Home and End move between tabs, as in any tab list; the focus follows. */
  protected tabKey(event: KeyboardEvent): void {
    const next = nextTab(this.currentTab(), event.key);
    if (!next) return;
    event.preventDefault();
    this.currentTab.set(next);
    document.getElementById(`automation-tab-${next}`)?.focus();
  }

  /** A past version copied into the editor: unsaved until "Save a new version". */
  protected restore(definition: AutomationDefinition): void {
    this.change(definition);
    this.selected.set('trigger');
    this.currentTab.set('flow');
    this.notice.set($localize`:@@automations.versions.restored:The past version is in the editor: save it to make it the current version.`);
  }

  protected select(node: string): void {
    this.selected.set(node);
  }

  protected setStep(step: AutomationStep): void {
    const definition = this.definition();
    this.change({ ...definition, steps: { ...definition.steps, [this.selected()]: step } });
  }

  protected patch(patch: Partial<AutomationDefinition>): void {
    this.change({ ...this.definition(), ...patch });
  }

  protected add(event: { point: InsertionPoint; kind: NewStepKind }): void {
    const { definition, id } = insertStep(this.definition(), event.point, event.kind);
    this.change(definition);
    this.selected.set(id);
  }

  protected remove(): void {
    this.change(removeStep(this.definition(), this.selected()));
    this.selected.set('trigger');
  }

  /** Every edit of the flow: the server's problems were about the flow it saw, the browser's follow the edit. */
  private change(definition: AutomationDefinition): void {
    this.definition.set(definition);
    this.refused.set([]);
  }

  protected save(): void {
    this.triedToSave.set(true);
    this.notice.set(null);
    if (this.problems().length || this.nameProblem()) return;
    this.saving.set(true);
    this.saveError.set(null);
    const draft = { name: this.name().trim(), definition: this.definition() };
    const id = this.saved()?.id;
    (id === undefined ? this.api.create(draft) : this.api.edit(id, draft)).subscribe({
      next: (automation) => {
        this.load(automation);
        this.notice.set($localize`:@@automations.editor.saved:Saved as version ${automation.currentVersion}:version:.`);
        if (id === undefined) void this.router.navigate(['/automations', automation.id], { replaceUrl: true });
      },
      error: (error: unknown) => {
        this.fail(error);
        this.refused.set(refusedProblems(error));
      },
    });
  }

  protected setActive(active: boolean): void {
    const saved = this.saved();
    if (!saved) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.api.setActive(saved.id, active).subscribe({
      next: (automation) => {
        this.saving.set(false);
        this.saved.set(automation);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private load(automation: Automation): void {
    this.saving.set(false);
    this.saved.set(automation);
    this.name.set(automation.name);
    this.definition.set(automation.definition);
  }

  private fail(error: unknown): void {
    this.saving.set(false);
    this.saveError.set(apiErrorMessage(error));
  }
}
