import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { apiErrorMessage } from '@marea/web/ui';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { uniqueId } from '../rule-draft/unique-id';
import type { NameLookup, NameOption } from './name-lookup';

/** How long typing must pause before the server is asked (a request per pause, not per key). */
export const LOOKUP_DEBOUNCE_MS = 250;
const MOST_OPTIONS = 20;

/** What the server offered for one typed text, or why it could not. */
interface Found {
  readonly text: string;
  readonly options: readonly NameOption[];
  readonly error: string | null;
}

/**
 * A list of names as chips (stores, categories, SKUs, tags …) with autocomplete: type and press
 * Enter, or pick one of the names offered as you type — the shop's own short lists filtered at
 * once, and long lists (SKUs, tags, cities …) searched on the server once typing pauses. The
 * offered names are a listbox driven from the input, as the ARIA combobox pattern describes:
 * Down / Up move the active option (`aria-activedescendant`), Enter picks it (or adds the typed
 * text when none is active), Escape closes the list. Each chip has its own remove button. The
 * tone colours the include (green) and exclude (red) lists of a filter.
 */
@Component({
  selector: 'marea-name-chips',
  templateUrl: './name-chips.html',
  styleUrl: './name-chips.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NameChips {
  readonly label = input.required<string>();
  readonly values = input<readonly string[]>([]);
  /** The shop's names for this list, known in the browser; free text is accepted too, and validated. */
  readonly suggestions = input<readonly string[]>([]);
  /** The server's search for lists too long to know in the browser. */
  readonly lookup = input<NameLookup | null>(null);
  readonly tone = input<'include' | 'exclude' | 'plain'>('plain');
  readonly placeholder = input($localize`:@@rules.chips.placeholder:Type and press Enter`);
  readonly describedBy = input<string | null>(null);
  readonly valuesChange = output<string[]>();

  protected readonly inputId = uniqueId('chips');
  protected readonly listId = uniqueId('chips-names');
  protected readonly draft = signal('');
  /** Whether the list of names is open (it opens on typing or Down, closes on Escape, a pick or leaving). */
  protected readonly open = signal(false);
  /** The option the arrows point at; -1 when none is. */
  protected readonly active = signal(-1);

  private readonly found = signal<Found | null>(null);

  /** Names known in the browser that contain the typed text, then the server's, without the chosen ones. */
  protected readonly options = computed((): NameOption[] => {
    const chosen = new Set(this.values());
    const typed = this.draft().trim().toLowerCase();
    const local = this.suggestions()
      .filter((name) => name.toLowerCase().includes(typed))
      .map((name) => ({ value: name, label: name }));
    const found = this.found();
    // While the next answer is on its way, the last one still serves as far as it matches the text typed since.
    const remote = found && typed.startsWith(found.text.toLowerCase()) ? found.options.filter((option) => option.label.toLowerCase().includes(typed)) : [];
    const seen = new Set<string>();
    return [...local, ...remote].filter((option) => !chosen.has(option.value) && !seen.has(option.value) && seen.add(option.value)).slice(0, MOST_OPTIONS);
  });
  protected readonly expanded = computed(() => this.open() && this.options().length > 0);
  protected readonly activeId = computed(() => (this.expanded() && this.active() >= 0 ? this.optionId(this.active()) : null));
  protected readonly lookupError = computed(() => this.found()?.error ?? null);

  constructor() {
    // One request per pause in typing, for the text typed last: an older answer never replaces a
    // newer one. Nothing is asked before the list is opened, so a rule full of chips costs nothing.
    const asked = computed(() => (this.open() ? this.draft().trim() : null));
    combineLatest([toObservable(asked), toObservable(this.lookup)])
      .pipe(
        debounceTime(LOOKUP_DEBOUNCE_MS),
        distinctUntilChanged((a, b) => a[0] === b[0] && a[1] === b[1]),
        switchMap(([text, lookup]) => {
          if (!lookup || text === null) return of(null);
          return lookup(text).pipe(
            map((options): Found => ({ text, options, error: null })),
            catchError((error: unknown) => of<Found>({ text, options: [], error: apiErrorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((found) => this.found.set(found));
  }

  protected optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  protected typed(text: string): void {
    this.draft.set(text);
    this.open.set(true);
    this.active.set(-1);
  }

  protected key(event: KeyboardEvent): void {
    const count = this.options().length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.open()) {
          // Opening asks the server too (for what starts with the text so far); the arrows then move within.
          this.open.set(true);
          this.active.set(count ? (down ? 0 : count - 1) : -1);
          return;
        }
        if (!count) return;
        const current = this.active();
        this.active.set(down ? (current + 1) % count : current <= 0 ? count - 1 : current - 1);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = this.expanded() && this.active() >= 0 ? this.options()[this.active()] : undefined;
        this.add(option?.value ?? this.draft());
        return;
      }
      case 'Escape':
        if (this.expanded()) {
          // Closing the list is all Escape does here; a dialog around the builder stays open.
          event.preventDefault();
          event.stopPropagation();
        }
        this.open.set(false);
        this.active.set(-1);
        return;
    }
  }

  /** A click on an option. The input keeps the focus (options are focusable only by script, and a press on one does not move it there). */
  protected pick(option: NameOption): void {
    this.add(option.value);
  }

  protected close(): void {
    this.open.set(false);
    this.active.set(-1);
  }

  private add(raw: string): void {
    const value = raw.trim();
    this.draft.set('');
    this.active.set(-1);
    this.open.set(false);
    if (!value || this.values().includes(value)) return;
    this.valuesChange.emit([...this.values(), value]);
  }

  protected remove(index: number): void {
    this.valuesChange.emit(this.values().filter((_, i) => i !== index));
  }

  protected removeLabel(value: string): string {
    return $localize`:@@rules.chips.remove:Remove ${value}:value:`;
  }
}
