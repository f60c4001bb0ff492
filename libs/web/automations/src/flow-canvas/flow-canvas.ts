import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { AutomationDefinition, AutomationStatistic, AutomationStep } from '@marea/contracts';
import type { NodeProblems } from '../flow/definition-problems';
import { flowTree, type FlowNode } from '../flow/flow-tree';
import { pathWords, stepWords, triggerWords } from '../flow/flow-words';

/** Counts of a step over the period shown, by statistic. */
export type StepCounts = Partial<Record<AutomationStatistic, number>>;

// The counts worth a place on a node, in this order; the rest are in the API's statistics.
const SHOWN: readonly AutomationStatistic[] = ['entered', 'sent', 'opened', 'clicked', 'failed', 'capped'];

/**
 * The flow drawn top to bottom: the trigger, the entry conditions, then the steps, a branch's
 * two paths side by side. Plain HTML and CSS lines rather than a diagram library: the flow is a
 * tree read from top to bottom (the editor never needs free placement, zoom or dragged edges),
 * so the page's own layout draws it, every node is a real button reached with Tab, and it
 * reflows at any width with no canvas to keep in sync.
 */
@Component({
  selector: 'marea-flow-canvas',
  imports: [NgTemplateOutlet],
  templateUrl: './flow-canvas.html',
  styleUrl: './flow-canvas.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowCanvas {
  readonly definition = input.required<AutomationDefinition>();
  readonly selected = input<string | null>(null);
  readonly problems = input<NodeProblems>({});
  readonly counts = input<Record<string, StepCounts>>({});
  readonly nodeSelect = output<string>();

  protected readonly tree = computed(() => flowTree(this.definition()));
  protected readonly triggerText = computed(() => triggerWords(this.definition().trigger));
  protected readonly conditionsText = computed(() => {
    const { entryConditions: rule, goal } = this.definition();
    const who = rule
      ? $localize`:@@automations.canvas.conditions:Only customers matching ${rule.conditions.length}:count: condition(s)`
      : $localize`:@@automations.canvas.everyone:Every customer`;
    if (!goal) return who;
    const until = goal.kind === 'event' ? $localize`:@@automations.canvas.goalEvent:until “${goal.eventName}:event:”` : $localize`:@@automations.canvas.goalRule:until they match the goal`;
    return `${who}, ${until}`;
  });
  protected readonly stepWords = stepWords;
  protected readonly pathWords = pathWords;

  protected kindWords(step: AutomationStep): string {
    if (step.kind === 'action') return ACTION_KINDS[step.action.kind];
    return STEP_KINDS[step.kind];
  }

  protected countsOf(id: string): { label: string; value: number }[] {
    const counts = this.counts()[id];
    if (!counts) return [];
    return SHOWN.filter((statistic) => (counts[statistic] ?? 0) > 0).map((statistic) => ({ label: STATISTIC_WORDS[statistic], value: counts[statistic] ?? 0 }));
  }

  protected asNode(node: unknown): FlowNode {
    return node as FlowNode;
  }
}

const ACTION_KINDS: Record<string, string> = {
  email: $localize`:@@automations.kind.email:Email`,
  sms: $localize`:@@automations.kind.sms:SMS`,
  task: $localize`:@@automations.kind.task:Task for the manager`,
  'update-attributes': $localize`:@@automations.kind.update:Update the profile`,
  notify: $localize`:@@automations.kind.notify:Notification`,
};
const STEP_KINDS: Record<string, string> = {
  delay: $localize`:@@automations.kind.delay:Delay`,
  branch: $localize`:@@automations.kind.branch:If / else`,
  'wait-for-event': $localize`:@@automations.kind.wait:Wait for an event`,
  exit: $localize`:@@automations.kind.exit:Exit`,
};
const STATISTIC_WORDS: Record<AutomationStatistic, string> = {
  entered: $localize`:@@automations.stat.entered:entered`,
  sent: $localize`:@@automations.stat.sent:sent`,
  delivered: $localize`:@@automations.stat.delivered:delivered`,
  opened: $localize`:@@automations.stat.opened:opened`,
  clicked: $localize`:@@automations.stat.clicked:clicked`,
  bounced: $localize`:@@automations.stat.bounced:bounced`,
  unsubscribed: $localize`:@@automations.stat.unsubscribed:unsubscribed`,
  failed: $localize`:@@automations.stat.failed:failed`,
  capped: $localize`:@@automations.stat.capped:capped`,
};
