import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { RuleValueType } from '@marea/contracts';
import { FieldProblems } from '../field-problems/field-problems';
import { defaultTestFor } from '../rule-draft/operator-labels';
import { pathOf, removed, replaced, type DraftTest } from '../rule-draft/rule-draft';
import { uniqueId } from '../rule-draft/unique-id';
import { ValueTestEditor } from '../value-test/value-test-editor';

export interface DraftProperty {
  key: string;
  type: 'text' | 'number' | 'boolean';
  test: DraftTest;
}

/**
 * The property filters of an event condition ("add_to_cart" whose `category` is "Plantas"): each
 * a property name, how its value is read (text, number, yes/no) and a value test.
 */
@Component({
  selector: 'marea-event-properties-editor',
  imports: [ValueTestEditor, FieldProblems],
  template: `
    <div class="properties">
      @for (property of properties(); track $index; let i = $index) {
        <div class="property" [attr.data-property]="i">
          <label [for]="id + '-key-' + i" i18n="@@rules.event.property">whose property</label>
          <input [id]="id + '-key-' + i" class="property__key" [value]="property.key" (input)="set(i, { key: $any($event.target).value })" />
          <label [for]="id + '-type-' + i" class="visually-hidden" i18n="@@rules.event.propertyType">read as</label>
          <select [id]="id + '-type-' + i" (change)="setType(i, $any($event.target).value)">
            <option value="text" [selected]="property.type === 'text'" i18n="@@rules.event.asText">as text</option>
            <option value="number" [selected]="property.type === 'number'" i18n="@@rules.event.asNumber">as a number</option>
            <option value="boolean" [selected]="property.type === 'boolean'" i18n="@@rules.event.asBoolean">as yes/no</option>
          </select>
          <marea-value-test-editor
            [test]="property.test"
            [type]="property.type"
            [label]="property.key || propertyLabel"
            [path]="pathOf(path(), i, 'test')"
            (testChange)="set(i, { test: $event })"
          />
          <button type="button" class="icon-button" (click)="remove(i)" i18n-aria-label="@@rules.event.removeProperty" aria-label="Remove property filter">✕</button>
          <marea-field-problems [at]="pathOf(path(), i, 'key')" />
        </div>
      }
      <button type="button" class="button property__add" (click)="add()" i18n="@@rules.event.addProperty">Add property filter</button>
    </div>
  `,
  styles: `
    .properties { display: grid; gap: var(--space-2, 8px); }
    .property { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2, 8px); }
    .property marea-value-test-editor { flex: 1 1 16rem; }
    .property marea-field-problems { flex-basis: 100%; }
    .property__key { width: 9rem; }
    .property__add { justify-self: start; }
    input, select { font: inherit; padding: 6px 8px; border: 1px solid var(--border, #d0d5dd); border-radius: var(--radius-sm, 6px); }
    .icon-button { min-width: 2.25rem; min-height: 2.25rem; border: 1px solid var(--border, #d0d5dd); border-radius: var(--radius-sm, 6px); background: var(--surface, #fff); cursor: pointer; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventPropertiesEditor {
  readonly properties = input<readonly DraftProperty[]>([]);
  /** The path of the condition's `properties` list. */
  readonly path = input.required<string>();
  readonly propertiesChange = output<DraftProperty[]>();
  protected readonly id = uniqueId('properties');
  protected readonly pathOf = pathOf;
  protected readonly propertyLabel = $localize`:@@rules.event.propertyLabel:Property`;

  protected add(): void {
    this.propertiesChange.emit([...this.properties(), { key: '', type: 'text', test: defaultTestFor('text') }]);
  }

  protected remove(index: number): void {
    this.propertiesChange.emit(removed(this.properties(), index));
  }

  protected set(index: number, change: Partial<DraftProperty>): void {
    this.propertiesChange.emit(replaced(this.properties(), index, { ...this.properties()[index], ...change }));
  }

  /** Another type takes other operators: the test starts again from that type's default. */
  protected setType(index: number, type: string): void {
    const valueType = type as RuleValueType & DraftProperty['type'];
    this.set(index, { type: valueType, test: defaultTestFor(valueType) });
  }
}
