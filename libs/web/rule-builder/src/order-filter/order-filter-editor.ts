import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FieldProblems } from '../field-problems/field-problems';
import { NameChips } from '../name-chips/name-chips';
import { RuleBuilderContext } from '../rule-builder/rule-builder-context';
import { RuleValueLookup } from '../rule-builder/rule-value-lookup';
import { pathOf } from '../rule-draft/rule-draft';

type Names = { include: string[]; exclude: string[] };
type FilterList = 'stores' | 'channels' | 'products' | 'categories';

/**
 * Which orders and lines an order condition counts: stores, channels, products (SKUs) and
 * categories, each with an include list (green) and an exclude list (red). SKUs are searched on
 * the server as they are typed; the other lists come whole with the catalogue.
 */
@Component({
  selector: 'marea-order-filter-editor',
  imports: [NameChips, FieldProblems],
  template: `
    <fieldset class="order-filter">
      <legend i18n="@@rules.filter.legend">Only orders and lines of</legend>
      @for (list of lists(); track list.key) {
        <div class="order-filter__row" [attr.data-filter]="list.key">
          <marea-name-chips [label]="list.include" tone="include" [values]="names(list.key).include" [suggestions]="list.suggestions" [lookup]="list.lookup" (valuesChange)="set(list.key, 'include', $event)" />
          <marea-name-chips [label]="list.exclude" tone="exclude" [values]="names(list.key).exclude" [suggestions]="list.suggestions" [lookup]="list.lookup" (valuesChange)="set(list.key, 'exclude', $event)" />
          <marea-field-problems [at]="pathOf(path(), list.key)" />
        </div>
      }
    </fieldset>
  `,
  styles: `
    .order-filter { border: 0; padding: 0; margin: var(--space-2, 8px) 0 0; display: grid; gap: var(--space-2, 8px); }
    .order-filter legend { font-size: var(--text-sm, 0.875rem); color: var(--text-muted, #475467); padding: 0; margin-bottom: var(--space-1, 4px); }
    .order-filter__row { display: grid; grid-template-columns: 1fr 1fr; gap: var(--space-2, 8px); }
    .order-filter__row marea-field-problems { grid-column: 1 / -1; }
    @media (max-width: 900px) { .order-filter__row { grid-template-columns: 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderFilterEditor {
  private readonly context = inject(RuleBuilderContext);
  private readonly products = inject(RuleValueLookup).of('products');
  readonly filter = input<Record<string, unknown> | undefined>(undefined);
  readonly path = input.required<string>();
  readonly filterChange = output<Record<string, unknown>>();
  protected readonly pathOf = pathOf;

  protected readonly lists = computed(() => {
    const catalogue = this.context.catalogue();
    return [
      { key: 'categories' as const, include: $localize`:@@rules.filter.categories:In categories`, exclude: $localize`:@@rules.filter.notCategories:Not in categories`, suggestions: catalogue.categories ?? [], lookup: null },
      { key: 'products' as const, include: $localize`:@@rules.filter.products:Products (SKU)`, exclude: $localize`:@@rules.filter.notProducts:Not products`, suggestions: [], lookup: this.products },
      { key: 'stores' as const, include: $localize`:@@rules.filter.stores:In stores`, exclude: $localize`:@@rules.filter.notStores:Not in stores`, suggestions: catalogue.stores ?? [], lookup: null },
      { key: 'channels' as const, include: $localize`:@@rules.filter.channels:Channels`, exclude: $localize`:@@rules.filter.notChannels:Not channels`, suggestions: ['ecommerce', 'store'], lookup: null },
    ];
  });

  protected names(key: FilterList): Names {
    const names = this.filter()?.[key] as Partial<Names> | undefined;
    return { include: names?.include ?? [], exclude: names?.exclude ?? [] };
  }

  protected set(key: FilterList, side: 'include' | 'exclude', values: string[]): void {
    const next: Record<string, unknown> = { ...this.filter() };
    const names = { ...this.names(key), [side]: values };
    // An emptied list is left out rather than kept as two empty arrays: the rule stays as short as what it says.
    if (names.include.length || names.exclude.length) next[key] = names;
    else delete next[key];
    this.filterChange.emit(next);
  }
}
