import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Segment, SegmentCatalogue, SegmentKind, SegmentMemberPage, SegmentRuleProblem } from '@marea/contracts';
import { RuleBuilder, RulePreview, draftProblems, emptyRule, type DraftRule } from '@marea/web/rule-builder';
import { ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { SegmentsApi } from '../segments-api/segments-api';
import { serverProblems } from '../server-problems/server-problems';
import { codeFromName } from './segment-code';

/**
 * Create or edit a segment: name, symbolic code, static or dynamic, and its rule in the visual
 * builder with a live preview. A refused save shows the server's message, and each problem
 * beside the control it is about.
 */
@Component({
  selector: 'marea-segment-editor-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, RuleBuilder, RulePreview],
  templateUrl: './segment-editor-page.html',
  styleUrl: './segment-editor-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentEditorPage {
  protected readonly api = inject(SegmentsApi);
  private readonly router = inject(Router);
  /** The route's `:code`; absent on `segments/new`. */
  readonly code = input<string>();
  protected readonly newHeading = $localize`:@@segmentEditor.newHeading:New segment`;
  protected readonly editing = computed(() => this.code() !== undefined);

  protected readonly existing = httpResource<Segment>(() => this.whenEditing(this.api.segmentUrl));
  protected readonly values = httpResource<SegmentCatalogue>(() => this.api.valuesUrl);
  protected readonly members = httpResource<SegmentMemberPage>(() => this.whenEditing((code) => this.api.membersUrl(code)));

  protected readonly name = signal('');
  protected readonly segmentCode = signal('');
  protected readonly codeTouched = signal(false);
  protected readonly kind = signal<SegmentKind>('dynamic');
  protected readonly active = signal(true);
  protected readonly rule = signal<DraftRule>(emptyRule());

  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly fieldProblems = signal<Record<string, string[]>>({});
  protected readonly ruleServerProblems = signal<SegmentRuleProblem[]>([]);
  protected readonly triedToSave = signal(false);

  protected readonly catalogue = computed(() => (this.values.hasValue() ? this.values.value() : null));
  protected readonly problems = computed(() => {
    const catalogue = this.catalogue();
    return catalogue ? draftProblems(this.rule(), catalogue) : [];
  });
  /** A static segment's rule is locked once computed: only its name and state can change. */
  protected readonly locked = computed(() => this.existing.hasValue() && this.existing.value().lockedAt !== null);

  constructor() {
    // Fill the form once the segment arrives; later edits are the marketer's.
    effect(() => {
      if (!this.existing.hasValue()) return;
      const segment = this.existing.value();
      untracked(() => {
        this.name.set(segment.name);
        this.segmentCode.set(segment.code);
        this.kind.set(segment.kind);
        this.active.set(segment.active);
        this.rule.set(segment.rule as DraftRule);
      });
    });
  }

  protected setName(name: string): void {
    this.name.set(name);
    if (!this.editing() && !this.codeTouched()) this.segmentCode.set(codeFromName(name));
    this.clearField('name');
  }

  protected setCode(code: string): void {
    this.codeTouched.set(true);
    this.segmentCode.set(code);
    this.clearField('code');
  }

  protected setRule(rule: DraftRule): void {
    this.rule.set(rule);
    // The server's problems were about the rule it saw; the browser's own validation follows every edit.
    this.ruleServerProblems.set([]);
  }

  protected save(): void {
    this.triedToSave.set(true);
    if (this.problems().length && !this.locked()) return;
    this.saving.set(true);
    this.saveError.set(null);
    const common = { name: this.name(), active: this.active(), ...(this.locked() ? {} : { rule: this.rule() }) };
    const code = this.code();
    const request = code !== undefined
      ? this.api.edit(code, common)
      : this.api.create({ ...common, code: this.segmentCode(), kind: this.kind(), description: '', recomputeEveryMinutes: 240, rule: this.rule() });
    request.subscribe({
      next: () => void this.router.navigate(['/segments']),
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(apiErrorMessage(error));
        const problems = serverProblems(error);
        this.fieldProblems.set(problems.fields);
        this.ruleServerProblems.set(problems.rule);
      },
    });
  }

  protected memberName(member: SegmentMemberPage['items'][number]): string {
    return [member.firstName, member.lastName].filter(Boolean).join(' ') || member.email || member.externalId;
  }

  /** The address of something of the edited segment; undefined (nothing to load) on a new one. */
  private whenEditing(url: (code: string) => string): string | undefined {
    const code = this.code();
    return code === undefined ? undefined : url(code);
  }

  private clearField(field: string): void {
    if (this.fieldProblems()[field]) this.fieldProblems.update(({ [field]: _, ...rest }) => rest);
  }
}
