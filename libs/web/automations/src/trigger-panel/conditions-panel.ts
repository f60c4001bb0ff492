import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AutomationDefinition, SegmentCatalogue } from '@marea/contracts';
import { RuleBuilder, emptyRule, type DraftRule } from '@marea/web/rule-builder';
import { noConditions } from '../flow/draft-rules';

type ReEntry = AutomationDefinition['reEntry'];
type Goal = AutomationDefinition['goal'];

/**
 * The side panel of the entry node: which customers may start a run (any segment condition, in
 * the rule builder), how often one customer may go through the flow again, and the goal that
 * ends a run early once reached.
 */
@Component({
  selector: 'marea-conditions-panel',
  imports: [RuleBuilder],
  template: `
    @if (problems().length) {
      <ul class="panel__problems" role="status">
        @for (problem of problems(); track $index) {
          <li>{{ problem }}</li>
        }
      </ul>
    }
    <label class="check">
      <input type="checkbox" [checked]="conditions() !== null" (change)="conditionsChange.emit($any($event.target).checked ? emptyRule() : null)" />
      <span i18n="@@automations.conditions.only">Only customers who match conditions</span>
    </label>
    @if (conditions(); as rule) {
      @if (catalogue(); as catalogue) {
        <marea-rule-builder [rule]="$any(rule)" (ruleChange)="conditionsChange.emit($event)" [catalogue]="catalogue" />
      }
    }
    <div class="field">
      <label for="re-entry" i18n="@@automations.reEntry">A customer goes through it</label>
      <select id="re-entry" [value]="reEntry().kind" (change)="setKind($any($event.target).value)">
        <option value="once" i18n="@@automations.reEntry.once">Once ever</option>
        <option value="every-time" i18n="@@automations.reEntry.every">Every time it starts</option>
        <option value="at-most-once-per" i18n="@@automations.reEntry.per">At most once per some days</option>
      </select>
    </div>
    @if (reEntry().kind === 'at-most-once-per') {
      <div class="field">
        <label for="re-entry-days" i18n="@@automations.reEntry.days">Days</label>
        <input id="re-entry-days" type="number" min="1" [value]="$any(reEntry()).days" (input)="setDays($any($event.target).value)" />
      </div>
    }
    <p class="field__help" i18n="@@automations.reEntry.help">Never two runs of this automation at once for one customer.</p>
    <div class="field">
      <label for="goal-kind" i18n="@@automations.goal">Goal: the run ends when the customer…</label>
      <select id="goal-kind" [value]="goal()?.kind ?? 'none'" (change)="setGoalKind($any($event.target).value)">
        <option value="none" i18n="@@automations.goal.none">No goal: the run goes to the end</option>
        <option value="event" i18n="@@automations.goal.event">…does something (an event)</option>
        <option value="segment" i18n="@@automations.goal.segment">…matches conditions</option>
      </select>
    </div>
    @if (goal(); as goal) {
      @if (goal.kind === 'event') {
        <div class="field">
          <label for="goal-event" i18n="@@automations.goal.eventName">Event name</label>
          <input id="goal-event" placeholder="order" [value]="goal.eventName" (input)="goalChange.emit({ kind: 'event', eventName: $any($event.target).value })" />
        </div>
      } @else if (catalogue(); as catalogue) {
        <marea-rule-builder [rule]="$any(goal.rule)" (ruleChange)="goalChange.emit({ kind: 'segment', rule: $any($event) })" [catalogue]="catalogue" />
      }
    }
  `,
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConditionsPanel {
  readonly conditions = input.required<AutomationDefinition['entryConditions']>();
  readonly reEntry = input.required<ReEntry>();
  readonly catalogue = input<SegmentCatalogue | null>(null);
  readonly problems = input<readonly string[]>([]);
  readonly conditionsChange = output<DraftRule | null>();
  readonly reEntryChange = output<ReEntry>();
  readonly goal = input.required<Goal>();
  readonly goalChange = output<Goal>();
  protected readonly emptyRule = emptyRule;

  protected setKind(kind: ReEntry['kind']): void {
    this.reEntryChange.emit(kind === 'at-most-once-per' ? { kind, days: 30 } : { kind });
  }

  protected setGoalKind(kind: 'none' | 'event' | 'segment'): void {
    if (kind === 'none') this.goalChange.emit(null);
    else if (kind === 'event') this.goalChange.emit({ kind, eventName: 'order' });
    else this.goalChange.emit({ kind, rule: noConditions() });
  }

  protected setDays(value: string): void {
    this.reEntryChange.emit({ kind: 'at-most-once-per', days: value.trim() === '' ? Number.NaN : Number(value) });
  }
}
