import { ChangeDetectionStrategy, Component, computed, effect, inject, input, model } from '@angular/core';
import type { SegmentCatalogue, SegmentRuleProblem } from '@marea/contracts';
import { draftProblems } from '../rule-draft/rule-problems';
import type { DraftGroup, DraftRule } from '../rule-draft/rule-draft';
import { RuleGroup } from '../rule-group/rule-group';
import { RuleBuilderContext } from './rule-builder-context';

/**
 * The visual rule builder: a rule as nested groups of conditions, edited in place and validated
 * as it changes with the domain's own validator, each problem shown next to its control. Used for
 * segments, and meant for automation conditions and campaign audiences alike.
 */
@Component({
  selector: 'marea-rule-builder',
  imports: [RuleGroup],
  providers: [RuleBuilderContext],
  template: `
    <marea-rule-group [group]="rule()" path="" (groupChange)="change($event)" />
    @if (context.visibleProblems().length) {
      <p class="rule-builder__summary" role="status" data-problem-count>
        @if (context.visibleProblems().length === 1) {
          <span i18n="@@rules.oneProblem">1 thing to fix before this rule can be used.</span>
        } @else {
          <span i18n="@@rules.problems">{{ context.visibleProblems().length }} things to fix before this rule can be used.</span>
        }
      </p>
    }
  `,
  styles: `
    :host { display: block; }
    .rule-builder__summary { margin: var(--space-2, 8px) 0 0; color: var(--danger, #b42318); font-size: var(--text-sm, 0.875rem); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleBuilder {
  protected readonly context = inject(RuleBuilderContext);
  readonly rule = model.required<DraftRule>();
  readonly catalogue = input.required<SegmentCatalogue>();
  /** Problems the server reported for this rule (paths relative to the rule), shown with the browser's own. */
  readonly serverProblems = input<readonly SegmentRuleProblem[]>([]);
  /** Show problems before the rule is touched (an existing rule, or after a refused save). */
  readonly revealProblems = input(false);

  /** The browser's validation of the rule as it stands: the same problems, at the same paths, as the server's. */
  readonly problems = computed(() => draftProblems(this.rule(), this.catalogue()));

  constructor() {
    effect(() => this.context.catalogue.set(this.catalogue()));
    effect(() => {
      const own = this.problems();
      const known = new Set(own.map((problem) => `${problem.path}\u0000${problem.message}`));
      this.context.problems.set([...own, ...this.serverProblems().filter((problem) => !known.has(`${problem.path}\u0000${problem.message}`))]);
    });
    effect(() => {
      if (this.revealProblems()) this.context.showProblems.set(true);
    });
  }

  protected change(group: DraftGroup): void {
    this.context.showProblems.set(true);
    this.rule.set({ ...group, version: 1 });
  }
}
