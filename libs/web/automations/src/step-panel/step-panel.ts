import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { AutomationStep, SegmentCatalogue, StepAction } from '@marea/contracts';
import { smsSegments } from '@marea/domain/automations';
import { RuleBuilder, type DraftRule } from '@marea/web/rule-builder';
import { asDraft, asRule } from '../flow/draft-rules';
import { insertAtCaret, templateVariables } from './template-variables';

type Action<K extends StepAction['kind']> = Extract<StepAction, { kind: K }>;
type Step<K extends AutomationStep['kind']> = Extract<AutomationStep, { kind: K }>;
type TextField = HTMLInputElement | HTMLTextAreaElement;
type DelaySpec = Step<'delay'>['delay'];

/**
 * The side panel of the selected step: a form for its kind (an email's subject, HTML and text
 * with a variable picker; an SMS with its live segment count; a task; profile updates; a
 * notification; a delay; a wait for an event; a branch's condition in the rule builder). Every
 * edit is emitted as the whole new step; the editor validates the flow as it changes.
 */
@Component({
  selector: 'marea-step-panel',
  imports: [RuleBuilder],
  templateUrl: './step-panel.html',
  styleUrl: '../automation-editor-page/panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepPanel {
  readonly stepId = input.required<string>();
  readonly step = input.required<AutomationStep>();
  readonly catalogue = input<SegmentCatalogue | null>(null);
  readonly problems = input<readonly string[]>([]);
  readonly stepChange = output<AutomationStep>();

  protected readonly variables = computed(() => templateVariables(this.catalogue()));
  /** The text field the variable picker writes into: the last one focused. */
  private readonly focused = signal<{ field: TextField; apply: (text: string) => void } | null>(null);

  protected readonly email = computed(() => this.actionOf('email'));
  protected readonly sms = computed(() => this.actionOf('sms'));
  protected readonly task = computed(() => this.actionOf('task'));
  protected readonly update = computed(() => this.actionOf('update-attributes'));
  protected readonly notify = computed(() => this.actionOf('notify'));
  protected readonly delay = computed(() => this.ofKind('delay'));
  protected readonly wait = computed(() => this.ofKind('wait-for-event'));
  protected readonly branch = computed(() => this.ofKind('branch'));
  protected readonly smsLength = computed(() => {
    const sms = this.sms();
    return sms ? smsSegments(sms.text) : null;
  });

  /** How the variable picker writes each text field back into the step. */
  protected readonly apply = {
    subject: (text: string) => this.setEmail('subject', text),
    html: (text: string) => this.setEmail('html', text),
    text: (text: string) => this.setEmail('text', text),
    sms: (text: string) => this.setAction({ kind: 'sms', text }),
    taskTitle: (title: string) => this.patchTask({ title }),
    taskDescription: (description: string) => this.patchTask({ description }),
  };

  protected patchTask(patch: Partial<Action<'task'>>): void {
    const task = this.task();
    if (task) this.setAction({ ...task, ...patch });
  }

  protected focus(event: FocusEvent, apply: (text: string) => void): void {
    this.focused.set({ field: event.target as TextField, apply });
  }

  protected insertVariable(token: string): void {
    const focused = this.focused();
    if (focused) focused.apply(insertAtCaret(focused.field, token));
  }

  protected setEmail(field: 'subject' | 'html' | 'text', value: string): void {
    const email = this.email();
    if (email) this.setAction({ ...email, template: { ...email.template, [field]: value } });
  }

  protected setAction(action: StepAction): void {
    const step = this.step();
    if (step.kind === 'action') this.stepChange.emit({ ...step, action });
  }

  protected setOperation(index: number, operation: Record<string, unknown>): void {
    const update = this.update();
    if (!update) return;
    const operations = update.operations.map((existing, i) => (i === index ? operation : existing));
    this.setAction({ ...update, operations } as Action<'update-attributes'>);
  }

  protected addOperation(): void {
    const update = this.update();
    if (update) this.setAction({ ...update, operations: [...update.operations, { op: 'add-tag', tag: '' }] });
  }

  protected removeOperation(index: number): void {
    const update = this.update();
    if (update) this.setAction({ ...update, operations: update.operations.filter((_, i) => i !== index) });
  }

  /** An operation of another kind, keeping the field it was about. */
  protected changeOperationKind(index: number, op: string, current: Record<string, unknown>): void {
    const field = typeof current['field'] === 'string' ? current['field'] : '';
    const tag = typeof current['tag'] === 'string' ? current['tag'] : '';
    const fresh: Record<string, Record<string, unknown>> = {
      set: { op, field, value: '' },
      clear: { op, field },
      increment: { op, field, by: 1 },
      'add-tag': { op, tag },
      'remove-tag': { op, tag },
    };
    this.setOperation(index, fresh[op]);
  }

  protected setDelay(delay: DelaySpec): void {
    const step = this.delay();
    if (step) this.stepChange.emit({ ...step, delay });
  }

  protected changeDelayKind(kind: DelaySpec['kind']): void {
    const fresh: Record<DelaySpec['kind'], DelaySpec> = {
      duration: { kind: 'duration', minutes: 1440 },
      'time-of-day': { kind: 'time-of-day', time: '09:00' },
      'until-date': { kind: 'until-date', field: 'birth_date', offsetDays: 0 },
    };
    this.setDelay(fresh[kind]);
  }

  protected setWait(patch: Partial<Step<'wait-for-event'>>): void {
    const step = this.wait();
    if (step) this.stepChange.emit({ ...step, ...patch });
  }

  protected setBranchRule(rule: DraftRule): void {
    const step = this.branch();
    if (step) this.stepChange.emit({ ...step, rule: asRule(rule) });
  }

  protected readonly asDraft = asDraft;

  protected asRecord(operation: object): Record<string, unknown> {
    return operation as Record<string, unknown>;
  }

  /** The accessible name of a control of the profile change at `index` (the row shows no labels). */
  protected operationLabel(control: 'change' | 'kind' | 'tag' | 'field' | 'value' | 'by' | 'remove', index: number): string {
    const n = index + 1;
    const labels = {
      change: $localize`:@@automations.update.change:Change ${n}:n:`,
      kind: $localize`:@@automations.update.kind:Kind of change ${n}:n:`,
      tag: $localize`:@@automations.update.tag:Tag of change ${n}:n:`,
      field: $localize`:@@automations.update.field:Field of change ${n}:n:`,
      value: $localize`:@@automations.update.value:Value of change ${n}:n:`,
      by: $localize`:@@automations.update.by:Increment of change ${n}:n:`,
      remove: $localize`:@@automations.update.remove:Remove change ${n}:n:`,
    };
    return labels[control];
  }

  /** A number typed in a field: NaN for an empty or half-typed one, which the schema then refuses by name. */
  protected number(value: string): number {
    return value.trim() === '' ? Number.NaN : Number(value);
  }

  private actionOf<K extends StepAction['kind']>(kind: K): Action<K> | null {
    const step = this.step();
    return step.kind === 'action' && step.action.kind === kind ? (step.action as Action<K>) : null;
  }

  private ofKind<K extends AutomationStep['kind']>(kind: K): Step<K> | null {
    const step = this.step();
    return step.kind === kind ? (step as Step<K>) : null;
  }
}
