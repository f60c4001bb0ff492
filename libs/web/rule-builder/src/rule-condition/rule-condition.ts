import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { CUSTOMER_FIELD_TYPES, METRIC_TYPES, RfmSegmentName, WINDOW_OPERATORS } from '@marea/contracts';
import { conditionLabel, testedSubject } from '@marea/domain/segments';
import { EventPropertiesEditor, type DraftProperty } from '../event-properties/event-properties-editor';
import { FieldProblems } from '../field-problems/field-problems';
import { OrderFilterEditor } from '../order-filter/order-filter-editor';
import { RuleBuilderContext } from '../rule-builder/rule-builder-context';
import { RuleValueLookup } from '../rule-builder/rule-value-lookup';
import type { NameLookup } from '../name-chips/name-lookup';
import { defaultTestFor, testFor } from '../rule-draft/operator-labels';
import { pathOf, type DraftNode, type DraftTest } from '../rule-draft/rule-draft';
import { uniqueId } from '../rule-draft/unique-id';
import { ValueTestEditor } from '../value-test/value-test-editor';

/**
 * One condition of a rule: the inputs its kind needs (field, figure, window, filter, event …) and
 * its value test. Every change is emitted as a new condition; the group puts it in place.
 */
@Component({
  selector: 'marea-rule-condition',
  imports: [ValueTestEditor, OrderFilterEditor, EventPropertiesEditor, FieldProblems],
  templateUrl: './rule-condition.html',
  styleUrl: './rule-condition.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-kind]': 'condition().kind', '[attr.data-path]': 'path()' },
})
export class RuleCondition {
  protected readonly context = inject(RuleBuilderContext);
  private readonly valueLookup = inject(RuleValueLookup);
  readonly condition = input.required<DraftNode>();
  readonly path = input.required<string>();
  readonly conditionChange = output<DraftNode>();

  protected readonly pathOf = pathOf;
  protected readonly windowOperators = WINDOW_OPERATORS;
  protected readonly customerFields = Object.keys(CUSTOMER_FIELD_TYPES) as (keyof typeof CUSTOMER_FIELD_TYPES)[];
  protected readonly metrics = Object.keys(METRIC_TYPES) as (keyof typeof METRIC_TYPES)[];
  protected readonly id = uniqueId('condition');

  /** The label, value type and operators of the condition's test, as the validator sees them. */
  protected readonly subject = computed(() => testedSubject(this.condition() as never, this.context.catalogue()));
  protected readonly title = computed(() => conditionLabel(this.condition() as never, this.context.catalogue()));
  /** Kinds whose first menu already names what is tested: a title above it would repeat it. */
  protected readonly choosesSubject = computed(() =>
    ['customer_field', 'custom_field', 'metric', 'order_aggregate', 'purchase_date', 'purchased'].includes(this.condition().kind),
  );
  protected readonly filterOpen = computed(() => {
    const filter = this.get('filter') as Record<string, unknown> | undefined;
    return this.condition().kind === 'purchased' || Object.keys(filter ?? {}).length > 0;
  });
  /** Names the shop has for this condition's values (autocomplete). */
  protected readonly suggestions = computed(() => {
    const catalogue = this.context.catalogue();
    switch (this.condition().kind) {
      case 'manager':
        return catalogue.managers ?? [];
      case 'first_purchase_store':
        return catalogue.stores ?? [];
      case 'metric':
        return this.condition()['metric'] === 'rfm_segment' ? RfmSegmentName.options : [];
      default:
        return [];
    }
  });

  /** The server's search for values too many to list: tags, repeating customer fields, text custom fields. */
  protected readonly lookup = computed((): NameLookup | null => {
    const condition = this.condition();
    switch (condition.kind) {
      case 'tags':
        return this.valueLookup.of('tags');
      case 'customer_field':
        return this.valueLookup.ofField(String(condition['field']));
      case 'custom_field':
        return this.subject()?.type === 'text' ? this.valueLookup.of(`attributes.${String(condition['key'])}`) : null;
      default:
        return null;
    }
  });

  protected fieldLabel(field: string): string {
    return testedSubject({ kind: 'customer_field', field } as never, this.context.catalogue())?.label ?? field;
  }

  protected metricLabel(metric: string): string {
    return testedSubject({ kind: 'metric', metric, test: { op: 'is_empty' } } as never, this.context.catalogue())?.label ?? metric;
  }

  protected get(name: string): unknown {
    return this.condition()[name];
  }

  protected text(name: string): string {
    const value = this.get(name);
    return value === undefined || value === null ? '' : String(value);
  }

  protected set(name: string, value: unknown): void {
    this.conditionChange.emit({ ...this.condition(), [name]: value });
  }

  /** A new field or figure may have another value type: its test starts again from that type's default. */
  protected setTested(name: 'field' | 'metric' | 'key', value: string): void {
    const next = { ...this.condition(), [name]: value };
    const before = this.subject()?.type;
    const after = testedSubject(next as never, this.context.catalogue())?.type;
    if (after && after !== before) next['test'] = defaultTestFor(after);
    this.conditionChange.emit(next);
  }

  protected setNested(name: string, field: string, value: unknown): void {
    this.set(name, { ...(this.get(name) as object | undefined), [field]: value });
  }

  protected toggleWindow(on: boolean): void {
    const next = { ...this.condition() };
    if (on) next['window'] = testFor('in_last_days');
    else delete next['window'];
    this.conditionChange.emit(next);
  }

  protected setTargetType(type: string): void {
    this.set('target', type === 'message' ? { type, messageId: '' } : { type, automationId: '' });
  }

  protected nested(name: string, field: string): string {
    const value = (this.get(name) as Record<string, unknown> | undefined)?.[field];
    return value === undefined || value === null ? '' : String(value);
  }

  protected asTest(value: unknown): DraftTest | undefined {
    return value as DraftTest | undefined;
  }

  protected asProperties(value: unknown): readonly DraftProperty[] {
    return Array.isArray(value) ? value : [];
  }

  protected asFilter(value: unknown): Record<string, unknown> | undefined {
    return value as Record<string, unknown> | undefined;
  }
}

