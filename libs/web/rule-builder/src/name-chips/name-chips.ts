import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { uniqueId } from '../rule-draft/unique-id';

/**
 * A list of names as chips (stores, categories, SKUs, tags …): type and press Enter, or pick
 * from the shop's own names offered as you type; each chip has its own remove button. The tone
 * colours the include (green) and exclude (red) lists of a filter.
 */
@Component({
  selector: 'marea-name-chips',
  template: `
    <div class="chips" [class.chips--exclude]="tone() === 'exclude'" [class.chips--include]="tone() === 'include'">
      <label class="chips__label" [for]="inputId">{{ label() }}</label>
      <ul class="chips__list" [attr.aria-label]="label()">
        @for (value of values(); track value; let i = $index) {
          <li class="chip">
            <span class="chip__text">{{ value }}</span>
            <button type="button" class="chip__remove" (click)="remove(i)" [attr.aria-label]="removeLabel(value)">×</button>
          </li>
        }
      </ul>
      <input
        [id]="inputId"
        class="chips__input"
        type="text"
        autocomplete="off"
        [attr.list]="suggestions().length ? listId : null"
        [attr.aria-describedby]="describedBy()"
        [value]="draft()"
        (input)="draft.set($any($event.target).value)"
        (keydown.enter)="$event.preventDefault(); add()"
        (change)="addIfSuggested()"
        [placeholder]="placeholder()"
      />
      @if (suggestions().length) {
        <datalist [id]="listId">
          @for (name of remaining(); track name) {
            <option [value]="name"></option>
          }
        </datalist>
      }
    </div>
  `,
  styleUrl: './name-chips.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameChips {
  readonly label = input.required<string>();
  readonly values = input<readonly string[]>([]);
  /** The shop's names for this list (autocomplete); free text is accepted too, and validated. */
  readonly suggestions = input<readonly string[]>([]);
  readonly tone = input<'include' | 'exclude' | 'plain'>('plain');
  readonly placeholder = input($localize`:@@rules.chips.placeholder:Type and press Enter`);
  readonly describedBy = input<string | null>(null);
  readonly valuesChange = output<string[]>();

  protected readonly inputId = uniqueId('chips');
  protected readonly listId = uniqueId('chips-names');
  protected readonly draft = signal('');
  protected readonly remaining = computed(() => {
    const chosen = new Set(this.values());
    const typed = this.draft().toLowerCase();
    return this.suggestions()
      .filter((name) => !chosen.has(name) && name.toLowerCase().includes(typed))
      .slice(0, 50);
  });

  protected add(): void {
    const value = this.draft().trim();
    this.draft.set('');
    if (!value || this.values().includes(value)) return;
    this.valuesChange.emit([...this.values(), value]);
  }

  /** Picking a suggestion from the list adds it at once, without a second Enter. */
  protected addIfSuggested(): void {
    if (this.suggestions().includes(this.draft().trim())) this.add();
  }

  protected remove(index: number): void {
    this.valuesChange.emit(this.values().filter((_, i) => i !== index));
  }

  protected removeLabel(value: string): string {
    return $localize`:@@rules.chips.remove:Remove ${value}:value:`;
  }
}
