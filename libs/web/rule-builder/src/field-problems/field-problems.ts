import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RuleBuilderContext } from '../rule-builder/rule-builder-context';

/**
 * The problems of one control, next to it, in the validator's words. `id` lets the control point
 * at them with aria-describedby, so a screen reader reads the problem with the field.
 */
@Component({
  selector: 'marea-field-problems',
  template: `
    @for (message of messages(); track $index) {
      <p class="field-problem" [attr.data-path]="at()">{{ message }}</p>
    }
  `,
  styles: `
    :host { display: block; }
    .field-problem { margin: var(--space-1, 4px) 0 0; color: var(--danger, #b42318); font-size: var(--text-sm, 0.875rem); }
  `,
  host: { 'aria-live': 'polite', '[attr.id]': 'id()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldProblems {
  private readonly context = inject(RuleBuilderContext);
  /** The path of the control (`conditions[0].test`). */
  readonly at = input.required<string>();
  /** Only problems at exactly this path, not under it (a condition's card, a group's header). */
  readonly exact = input(false);
  readonly id = input<string | null>(null);
  protected readonly messages = computed(() => this.context.messagesAt(this.at(), this.exact()));
  readonly hasProblems = computed(() => this.messages().length > 0);
}
