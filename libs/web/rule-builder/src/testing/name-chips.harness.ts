import { DomHarness } from './dom-harness';

/**
 * A list of name chips: its chips, typing a new one, removing one, and its autocomplete — the
 * names offered, moving through them with the keys, the one the input points at.
 */
export class NameChipsHarness extends DomHarness {
  private input(): HTMLInputElement {
    return this.one<HTMLInputElement>('input[role="combobox"]');
  }

  async label(): Promise<string> {
    return this.one('label').textContent?.trim() ?? '';
  }

  async values(): Promise<string[]> {
    return [...this.host.querySelectorAll('.chip__text')].map((chip) => chip.textContent?.trim() ?? '');
  }

  async tone(): Promise<'include' | 'exclude' | 'plain'> {
    const list = this.one('.chips');
    return list.classList.contains('chips--include') ? 'include' : list.classList.contains('chips--exclude') ? 'exclude' : 'plain';
  }

  /** Types a name and presses Enter. */
  async add(name: string): Promise<void> {
    await this.type(this.input(), name);
    await this.press('Enter');
  }

  /** Types text into the input, as a user would (the list opens). */
  async typeText(text: string): Promise<void> {
    await this.type(this.input(), text);
  }

  /** Presses a key in the input (ArrowDown, ArrowUp, Enter, Escape …). */
  async press(key: string): Promise<void> {
    this.input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await this.settle();
  }

  async remove(name: string): Promise<void> {
    const chip = [...this.host.querySelectorAll<HTMLElement>('.chip')].find((c) => c.querySelector('.chip__text')?.textContent?.trim() === name);
    if (!chip) throw new Error(`no chip "${name}"`);
    const button = chip.querySelector<HTMLButtonElement>('.chip__remove');
    if (!button) throw new Error(`chip "${name}" has no remove button`);
    await this.click(button);
  }

  /** The names offered while typing `text` (the list the browser already knows). */
  async suggestionsFor(text: string): Promise<string[]> {
    await this.typeText(text);
    return this.options();
  }

  /** The labels of the options the open list shows now (none when it is closed). */
  async options(): Promise<string[]> {
    if (!(await this.expanded())) return [];
    return [...this.host.querySelectorAll('[role="listbox"] [role="option"]')].map((option) => option.textContent?.trim() ?? '');
  }

  async expanded(): Promise<boolean> {
    return this.input().getAttribute('aria-expanded') === 'true';
  }

  /** The option the input points at with `aria-activedescendant`, by its label; null when none. */
  async activeOption(): Promise<string | null> {
    const id = this.input().getAttribute('aria-activedescendant');
    if (!id) return null;
    const option = this.host.querySelector(`[id="${id}"]`);
    if (!option) throw new Error(`aria-activedescendant names "${id}", which is not in the list`);
    if (option.getAttribute('aria-selected') !== 'true') throw new Error(`the active option "${id}" is not marked aria-selected`);
    return option.textContent?.trim() ?? '';
  }

  /** Clicks an offered option by its label. */
  async pick(label: string): Promise<void> {
    const option = [...this.host.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === label);
    if (!option) throw new Error(`no option "${label}" (offered: ${(await this.options()).join(', ')})`);
    option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    option.click();
    await this.settle();
  }
}
