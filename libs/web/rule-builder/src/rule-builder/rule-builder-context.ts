import { Injectable, computed, signal } from '@angular/core';
import type { SegmentCatalogue, SegmentRuleProblem } from '@marea/contracts';
import { isUnder } from '../rule-draft/rule-problems';

/**
 * What every widget of one builder shares: the shop's catalogue (autocomplete and operators) and
 * the problems of the rule as it stands (the browser's own validation and the server's answer),
 * so each control shows the problems at its path. Provided by `RuleBuilder` to its subtree.
 */
@Injectable()
export class RuleBuilderContext {
  readonly catalogue = signal<SegmentCatalogue>({ timeZone: 'UTC', customFields: [] });
  readonly problems = signal<readonly SegmentRuleProblem[]>([]);
  /** Whether problems are shown yet: not before the marketer has touched the rule or tried to save. */
  readonly showProblems = signal(false);

  readonly visibleProblems = computed(() => (this.showProblems() ? this.problems() : []));

  /** The messages of problems at `path` itself (`exact`) or anywhere under it. */
  messagesAt(path: string, exact = false): string[] {
    return this.visibleProblems()
      .filter((problem) => (exact ? problem.path === path : isUnder(problem.path, path)))
      .map((problem) => problem.message);
  }
}
