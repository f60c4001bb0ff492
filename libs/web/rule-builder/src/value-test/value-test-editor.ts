import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { OPERATORS_BY_TYPE, type RuleValueType, type ValueTestOperator } from '@marea/contracts';
import { FieldProblems } from '../field-problems/field-problems';
import { NameChips } from '../name-chips/name-chips';
import type { NameLookup } from '../name-chips/name-lookup';
import { DATE_OPERATOR_MODES, OPERATOR_LABELS, testFor } from '../rule-draft/operator-labels';
import type { DraftTest } from '../rule-draft/rule-draft';
import { uniqueId } from '../rule-draft/unique-id';

/**
 * One value test: the operator (only those the value's type accepts; dates grouped as absolute,
 * relative to today and ignoring the year) and the inputs that operator needs.
 */
@Component({
  selector: 'marea-value-test-editor',
  imports: [NameChips, FieldProblems],
  templateUrl: './value-test-editor.html',
  styleUrl: './value-test-editor.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-path]': 'path()' },
})
export class ValueTestEditor {
  readonly test = input.required<DraftTest | undefined>();
  readonly type = input.required<RuleValueType>();
  /** Narrower than the type's operators (names, time windows); undefined = the type's own. */
  readonly operators = input<readonly ValueTestOperator[] | undefined>(undefined);
  /** What is tested, for the labels ("Spend", "Birth date"). */
  readonly label = input.required<string>();
  readonly path = input.required<string>();
  readonly suggestions = input<readonly string[]>([]);
  /** The server's search of the values, for lists too long to know in the browser. */
  readonly lookup = input<NameLookup | null>(null);
  readonly testChange = output<DraftTest>();

  protected readonly ids = { op: uniqueId('op'), a: uniqueId('value'), b: uniqueId('value'), problems: uniqueId('problems') };
  protected readonly labels = OPERATOR_LABELS;
  protected readonly op = computed(() => this.test()?.op ?? '');
  protected readonly allowed = computed(() => this.operators() ?? OPERATORS_BY_TYPE[this.type()]);
  /** Date operators grouped by mode; other types in one plain list. */
  protected readonly modes = computed(() => {
    const allowed = new Set(this.allowed());
    if (this.type() !== 'date') return [{ label: '', operators: [...allowed] }];
    return DATE_OPERATOR_MODES.map((mode) => ({ label: mode.label, operators: mode.operators.filter((op) => allowed.has(op)) })).filter(
      (mode) => mode.operators.length > 0,
    );
  });
  /** The HTML input type of a single value of this test. */
  protected readonly inputType = computed(() => (this.type() === 'number' ? 'number' : this.type() === 'date' ? 'date' : 'text'));

  protected readonly needsDays = computed(() => ['in_last_days', 'in_next_days', 'before_days_from_now', 'after_days_from_now'].includes(this.op()));
  protected readonly needsValue = computed(() => ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with', 'gt', 'gte', 'lt', 'lte'].includes(this.op()));

  protected field(name: string): unknown {
    return this.test()?.[name];
  }

  protected text(name: string): string {
    const value = this.field(name);
    return value === undefined || value === null ? '' : String(value);
  }

  protected names(): string[] {
    const values = this.field('values');
    return Array.isArray(values) ? values.map(String) : [];
  }

  protected chooseOperator(op: string): void {
    this.testChange.emit(testFor(op as ValueTestOperator));
  }

  /** Sets one field from an input; numbers are parsed, an empty number is left out (the validator says it is needed). */
  protected set(name: string, raw: string, as: 'text' | 'number' = this.inputType() === 'number' ? 'number' : 'text'): void {
    const next: DraftTest = { ...(this.test() ?? { op: this.op() }) };
    if (as === 'number') {
      if (raw.trim() === '') delete next[name];
      else next[name] = Number(raw);
    } else {
      next[name] = raw;
    }
    this.testChange.emit(next);
  }

  protected setNames(values: string[]): void {
    const typed = this.type() === 'number' ? values.map((value) => (Number.isNaN(Number(value)) ? value : Number(value))) : values;
    this.testChange.emit({ ...(this.test() ?? { op: this.op() }), values: typed });
  }
}
