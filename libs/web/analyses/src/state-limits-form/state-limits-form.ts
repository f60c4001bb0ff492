import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import type { ClvStateLimits } from '@marea/contracts';
import { LIMIT_FIELDS, limitTexts, readLimits, type LimitField } from './state-limits';

export const DEFAULT_STATE_LIMITS: ClvStateLimits = { activeDays: 182, inactiveDays: 365, hibernatingDays: 730 };

/**
 * The limits of the recency states, edited in place. Each field is checked as it is typed with
 * the server's own rule; a problem the server reported stays under its field until that field
 * changes. "Apply" hands valid limits to the table.
 */
@Component({
  selector: 'marea-state-limits-form',
  templateUrl: './state-limits-form.html',
  styleUrl: './state-limits-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StateLimitsForm {
  /** The limits the table shows now. */
  readonly limits = input.required<ClvStateLimits>();
  readonly serverProblems = input<Partial<Record<LimitField, string>>>({});
  readonly apply = output<ClvStateLimits>();

  protected readonly fields = LIMIT_FIELDS;
  protected readonly labels: Readonly<Record<LimitField, string>> = {
    activeDays: $localize`:@@analyses.limits.active:Active below`,
    inactiveDays: $localize`:@@analyses.limits.inactive:Inactive below`,
    hibernatingDays: $localize`:@@analyses.limits.hibernating:Hibernating below`,
  };
  protected readonly texts = linkedSignal(() => limitTexts(this.limits()));
  private readonly reading = computed(() => readLimits(this.texts()));
  /** The server's problems, each dropped as soon as its field is edited. */
  private readonly remainingServerProblems = linkedSignal(() => this.serverProblems());
  protected readonly problems = computed<Partial<Record<LimitField, string>>>(() => ({
    ...this.remainingServerProblems(),
    ...(this.reading().problems ?? {}),
  }));
  protected readonly changed = computed(() => {
    const applied = limitTexts(this.limits());
    return LIMIT_FIELDS.some((field) => this.texts()[field].trim() !== applied[field]);
  });

  protected edit(field: LimitField, text: string): void {
    this.texts.update((texts) => ({ ...texts, [field]: text }));
    this.remainingServerProblems.update(({ [field]: _, ...rest }) => rest);
  }

  protected submit(): void {
    const { limits } = this.reading();
    if (limits) this.apply.emit(limits);
  }

  protected restoreDefaults(): void {
    this.texts.set(limitTexts(DEFAULT_STATE_LIMITS));
    this.submit();
  }
}
