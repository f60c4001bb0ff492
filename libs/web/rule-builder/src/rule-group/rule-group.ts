import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal } from '@angular/core';
import { FieldProblems } from '../field-problems/field-problems';
import { RuleBuilderContext } from '../rule-builder/rule-builder-context';
import { conditionPalette } from '../rule-draft/condition-palette';
import { moved, pathOf, removed, replaced, type DraftGroup, type DraftNode } from '../rule-draft/rule-draft';
import { uniqueId } from '../rule-draft/unique-id';
import { RuleCondition } from '../rule-condition/rule-condition';

/** Groups nest up to this depth below the rule (the model's limit); deeper, "add a group" is not offered. */
const MAX_DEPTH = 16;

/**
 * A group of conditions: all / any of them, or (negated) not so; its conditions and nested
 * groups can be added from the themed menu, moved up and down and removed, all from the keyboard.
 */
@Component({
  selector: 'marea-rule-group',
  imports: [RuleCondition, FieldProblems],
  templateUrl: './rule-group.html',
  styleUrl: './rule-group.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-path]': 'path()', '[attr.data-depth]': 'depth()' },
})
export class RuleGroup {
  private readonly context = inject(RuleBuilderContext);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  readonly group = input.required<DraftGroup>();
  readonly path = input.required<string>();
  readonly depth = input(0);
  readonly groupChange = output<DraftGroup>();

  protected readonly pathOf = pathOf;
  protected readonly id = uniqueId('group');
  protected readonly palette = computed(() => conditionPalette(this.context.catalogue()));
  protected readonly chosen = signal('');
  protected readonly canNest = computed(() => this.depth() < MAX_DEPTH);

  protected asGroup(node: DraftNode): DraftGroup {
    return node as unknown as DraftGroup;
  }

  protected setMatch(match: string): void {
    this.groupChange.emit({ ...this.group(), match: match === 'any' ? 'any' : 'all' });
  }

  protected setNegate(negate: boolean): void {
    this.groupChange.emit({ ...this.group(), negate });
  }

  protected replace(index: number, node: DraftNode | DraftGroup): void {
    this.emitConditions(replaced(this.group().conditions, index, node as DraftNode));
  }

  protected remove(index: number): void {
    this.emitConditions(removed(this.group().conditions, index));
    const remaining = this.group().conditions.length - 1;
    this.focusAfterRender(remaining === 0 ? [] : [[Math.min(index, remaining - 1), '[data-remove]']]);
  }

  protected move(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= this.group().conditions.length) return;
    this.emitConditions(moved(this.group().conditions, index, to));
    // The focus follows the condition that moved, so pressing "move up" again keeps moving it.
    this.focusAfterRender([[to, `[data-move="${by < 0 ? 'up' : 'down'}"]`], [to, '[data-remove]']]);
  }

  protected addCondition(): void {
    const entry = this.palette()
      .flatMap((theme) => theme.entries)
      .find((candidate) => candidate.id === this.chosen());
    if (!entry) return;
    this.emitConditions([...this.group().conditions, entry.create()]);
    this.context.showProblems.set(true);
  }

  protected addGroup(): void {
    const group = { kind: 'group', match: 'any', negate: false, conditions: [] } satisfies DraftNode & DraftGroup;
    this.emitConditions([...this.group().conditions, group]);
  }

  protected itemLabel(index: number): string {
    return $localize`:@@rules.item:Condition ${index + 1}:number:`;
  }

  private emitConditions(conditions: DraftNode[]): void {
    this.groupChange.emit({ ...this.group(), conditions });
  }

  /**
   * Once the new order is drawn, focuses the first enabled tool found among `[item, tool]` of
   * this group's own items (not a nested group's), or the "add a condition" menu.
   */
  private focusAfterRender(candidates: [number, string][]): void {
    afterNextRender(
      () => {
        const fieldset = this.host.nativeElement.querySelector(':scope > fieldset');
        for (const [item, tool] of candidates) {
          const target = fieldset?.querySelector<HTMLButtonElement>(`:scope > ol > li[data-item="${item}"] > .group__tools ${tool}`);
          if (target && !target.disabled) return target.focus();
        }
        fieldset?.querySelector<HTMLElement>(':scope > .group__add [data-add-select]')?.focus();
      },
      { injector: this.injector },
    );
  }
}
