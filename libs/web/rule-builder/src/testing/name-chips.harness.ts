import { DomHarness } from './dom-harness';

/** A list of name chips: its chips, typing a new one, removing one, the names it suggests. */
export class NameChipsHarness extends DomHarness {
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
    const input = this.one<HTMLInputElement>('input');
    await this.type(input, name);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await this.settle();
  }

  async remove(name: string): Promise<void> {
    const chip = [...this.host.querySelectorAll<HTMLElement>('.chip')].find((c) => c.querySelector('.chip__text')?.textContent?.trim() === name);
    if (!chip) throw new Error(`no chip "${name}"`);
    const button = chip.querySelector<HTMLButtonElement>('.chip__remove');
    if (!button) throw new Error(`chip "${name}" has no remove button`);
    await this.click(button);
  }

  /** The names offered while typing `text`. */
  async suggestionsFor(text: string): Promise<string[]> {
    await this.type(this.one<HTMLInputElement>('input'), text);
    return [...this.host.querySelectorAll('datalist option')].map((option) => (option as HTMLOptionElement).value);
  }
}
