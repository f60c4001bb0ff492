import { DomHarness } from './dom-harness';
import { NameChipsHarness } from './name-chips.harness';
import { ValueTestHarness } from './value-test.harness';

/** One condition: its kind and title, its value test, its time window and order filter. */
export class RuleConditionHarness extends DomHarness {
  async kind(): Promise<string> {
    return this.host.getAttribute('data-kind') ?? '';
  }

  /** What the condition is about: its title, or the choice of its first menu when that names it (field, figure). */
  async title(): Promise<string> {
    const title = this.host.querySelector('.condition__title');
    if (title) return title.textContent?.trim() ?? '';
    const menu = this.one<HTMLSelectElement>('.condition__fields select');
    return menu.selectedOptions[0]?.textContent?.trim() ?? '';
  }

  async test(): Promise<ValueTestHarness> {
    return new ValueTestHarness(this.fixture, this.one(':scope > .condition > .condition__line > marea-value-test-editor'));
  }

  async setWindow(on: boolean): Promise<ValueTestHarness | null> {
    const box = this.one<HTMLInputElement>('.condition__check input');
    if (box.checked !== on) await this.click(box);
    return on ? new ValueTestHarness(this.fixture, this.one('.condition__window marea-value-test-editor')) : null;
  }

  /** The include or exclude chips of one order filter list (categories, products, stores, channels). */
  async filter(list: string, side: 'include' | 'exclude'): Promise<NameChipsHarness> {
    const chips = this.host.querySelectorAll<HTMLElement>(`[data-filter="${list}"] marea-name-chips`);
    return new NameChipsHarness(this.fixture, chips[side === 'include' ? 0 : 1]);
  }

  /** Adds a property filter to an event condition and returns the value test of it, after naming the property. */
  async addProperty(key: string): Promise<ValueTestHarness> {
    const editor = this.one('marea-event-properties-editor');
    await this.click(editor.querySelector<HTMLElement>('.property__add') ?? editor);
    const rows = editor.querySelectorAll<HTMLElement>('.property');
    const row = rows[rows.length - 1];
    const keyInput = row.querySelector<HTMLInputElement>('.property__key');
    if (!keyInput) throw new Error('the property filter has no name input');
    await this.type(keyInput, key);
    const test = row.querySelector<HTMLElement>('marea-value-test-editor');
    if (!test) throw new Error('the property filter has no value test');
    return new ValueTestHarness(this.fixture, test);
  }

  /** Chooses an option in the condition's own menu labelled `label` (field, figure, channel …). */
  async select(label: string, value: string): Promise<void> {
    const labelElement = [...this.host.querySelectorAll('.condition__fields label')].find((l) => l.textContent?.trim() === label);
    if (!labelElement) throw new Error(`no menu labelled "${label}"`);
    await this.choose(this.one<HTMLSelectElement>(`#${labelElement.getAttribute('for')}`), value);
  }
}
