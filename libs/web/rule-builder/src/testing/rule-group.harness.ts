import { DomHarness } from './dom-harness';
import { RuleConditionHarness } from './rule-condition.harness';

/** A group of a rule: all/any, not, its items in order, and the add / move / remove tools. */
export class RuleGroupHarness extends DomHarness {
  private items(): HTMLElement[] {
    return [...this.host.querySelectorAll<HTMLElement>(':scope > fieldset > ol > li')];
  }

  private tool(index: number, selector: string): HTMLButtonElement {
    const button = this.items()[index]?.querySelector<HTMLButtonElement>(`:scope > .group__tools ${selector}`);
    if (!button) throw new Error(`no item ${index}`);
    return button;
  }

  async match(): Promise<string> {
    return this.one<HTMLSelectElement>(':scope > fieldset > legend select').value;
  }

  async setMatch(match: 'all' | 'any'): Promise<void> {
    await this.choose(this.one<HTMLSelectElement>(':scope > fieldset > legend select'), match);
  }

  async setNegate(negate: boolean): Promise<void> {
    const box = this.one<HTMLInputElement>(':scope > fieldset > legend input[type="checkbox"]');
    if (box.checked !== negate) await this.click(box);
  }

  async itemCount(): Promise<number> {
    return this.items().length;
  }

  /** The item kinds in order: a condition's kind, or "group". */
  async itemKinds(): Promise<string[]> {
    return this.items().map((item) => (item.querySelector(':scope > .group__body > marea-rule-group') ? 'group' : (item.querySelector('marea-rule-condition')?.getAttribute('data-kind') ?? '')));
  }

  async condition(index: number): Promise<RuleConditionHarness> {
    const host = this.items()[index]?.querySelector<HTMLElement>(':scope > .group__body > marea-rule-condition');
    if (!host) throw new Error(`item ${index} is not a condition`);
    return new RuleConditionHarness(this.fixture, host);
  }

  async group(index: number): Promise<RuleGroupHarness> {
    const host = this.items()[index]?.querySelector<HTMLElement>(':scope > .group__body > marea-rule-group');
    if (!host) throw new Error(`item ${index} is not a group`);
    return new RuleGroupHarness(this.fixture, host);
  }

  /** The themes of the "add a condition" menu, each with the conditions it offers. */
  async palette(): Promise<Record<string, string[]>> {
    const groups = this.host.querySelectorAll<HTMLOptGroupElement>(':scope > fieldset > .group__add optgroup');
    return Object.fromEntries([...groups].map((group) => [group.label, [...group.querySelectorAll('option')].map((o) => o.textContent?.trim() ?? '')]));
  }

  /** Adds the condition the menu calls `label`. */
  async addCondition(label: string): Promise<void> {
    const menu = this.one<HTMLSelectElement>(':scope > fieldset > .group__add select');
    const option = [...menu.options].find((o) => o.textContent?.trim() === label);
    if (!option) throw new Error(`the menu offers no "${label}"`);
    await this.choose(menu, option.value);
    await this.click(this.one(':scope > fieldset > .group__add [data-add-condition]'));
  }

  async addGroup(): Promise<void> {
    await this.click(this.one(':scope > fieldset > .group__add [data-add-group]'));
  }

  async moveUp(index: number): Promise<void> {
    await this.click(this.tool(index, '[data-move="up"]'));
  }

  async moveDown(index: number): Promise<void> {
    await this.click(this.tool(index, '[data-move="down"]'));
  }

  async remove(index: number): Promise<void> {
    await this.click(this.tool(index, '[data-remove]'));
  }

  async canMove(index: number, direction: 'up' | 'down'): Promise<boolean> {
    return !this.tool(index, `[data-move="${direction}"]`).disabled;
  }

  /** Which tool of which item has the keyboard focus, e.g. `1:up`, or null. */
  async focusedTool(): Promise<string | null> {
    const active = document.activeElement;
    const index = this.items().findIndex((item) => item.querySelector(':scope > .group__tools')?.contains(active));
    if (index < 0 || !active) return null;
    return `${index}:${active.getAttribute('data-move') ?? (active.hasAttribute('data-remove') ? 'remove' : '?')}`;
  }
}
