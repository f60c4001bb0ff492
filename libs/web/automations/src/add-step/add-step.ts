import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { AutomationDefinition } from '@marea/contracts';
import { targetAt, type InsertionPoint, type NewStepKind } from '../flow/flow-edits';
import { pathFields } from '../flow/flow-tree';
import { pathWords } from '../flow/flow-words';

const KINDS: readonly [NewStepKind, string][] = [
  ['email', $localize`:@@automations.add.email:Send an email`],
  ['sms', $localize`:@@automations.add.sms:Send an SMS`],
  ['task', $localize`:@@automations.add.task:Create a task for the manager`],
  ['update-attributes', $localize`:@@automations.add.update:Update the profile`],
  ['notify', $localize`:@@automations.add.notify:Notify a user`],
  ['delay', $localize`:@@automations.add.delay:Delay`],
  ['wait-for-event', $localize`:@@automations.add.wait:Wait for an event`],
  ['branch', $localize`:@@automations.add.branch:If / else`],
  ['exit', $localize`:@@automations.add.exit:Exit`],
];

/**
 * Adds a step after the selected node: on the path chosen (a branch's yes or no, a wait's event
 * or timeout), the rest of that path continuing after the new step. An exit is offered only
 * where the path ends, since nothing could follow it.
 */
@Component({
  selector: 'marea-add-step',
  template: `
    <fieldset class="add-step">
      <legend i18n="@@automations.add.legend">Add a step after this one</legend>
      @if (fields().length > 1) {
        <div class="field">
          <label for="add-step-path" i18n="@@automations.add.path">On the path</label>
          <select id="add-step-path" (change)="field.set($any($event.target).value)">
            @for (option of fields(); track option) {
              <option [value]="option" [selected]="option === chosenField()">{{ pathWords(option) }}</option>
            }
          </select>
        </div>
      }
      <div class="field">
        <label for="add-step-kind" i18n="@@automations.add.kind">Step</label>
        <div class="add-step__row">
          <select id="add-step-kind" #kind>
            @for (option of kinds(); track option[0]) {
              <option [value]="option[0]">{{ option[1] }}</option>
            }
          </select>
          <button type="button" class="button" (click)="addAt(kind.value)" i18n="@@automations.add.button">Add</button>
        </div>
      </div>
    </fieldset>
  `,
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddStep {
  readonly definition = input.required<AutomationDefinition>();
  /** The selected node: a step's id, or `trigger` / `conditions` to add at the start. */
  readonly anchor = input.required<string>();
  readonly add = output<{ point: InsertionPoint; kind: NewStepKind }>();

  protected readonly field = signal<string | null>(null);
  protected readonly pathWords = pathWords;
  protected readonly fields = computed(() => {
    const step = this.definition().steps[this.anchor()];
    return step ? pathFields(step) : [];
  });
  protected readonly chosenField = computed(() => {
    const field = this.field();
    return field && this.fields().includes(field) ? field : this.fields()[0];
  });
  private readonly point = computed((): InsertionPoint => {
    const anchor = this.anchor();
    return anchor in this.definition().steps ? { after: anchor, field: this.chosenField() } : { after: null };
  });
  protected readonly kinds = computed(() => (targetAt(this.definition(), this.point()) === null ? KINDS : KINDS.filter(([kind]) => kind !== 'exit')));

  protected addAt(kind: string): void {
    this.add.emit({ point: this.point(), kind: kind as NewStepKind });
  }
}
