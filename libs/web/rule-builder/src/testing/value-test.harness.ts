import { DomHarness } from './dom-harness';
import { NameChipsHarness } from './name-chips.harness';

/** One value test: its operator menu (grouped by mode for dates), its inputs and chips. */
export class ValueTestHarness extends DomHarness {
  private operatorMenu(): HTMLSelectElement {
    return this.one<HTMLSelectElement>('.value-test__op');
  }

  async operator(): Promise<string> {
    return this.operatorMenu().value;
  }

  async operators(): Promise<string[]> {
    return [...this.operatorMenu().options].map((option) => option.value).filter(Boolean);
  }

  /** The operator menu's groups (absolute / relative / ignoring the year for dates). */
  async modes(): Promise<string[]> {
    return [...this.operatorMenu().querySelectorAll('optgroup')].map((group) => group.label);
  }

  async setOperator(op: string): Promise<void> {
    await this.choose(this.operatorMenu(), op);
  }

  /** The value inputs, in order, by their accessible labels. */
  async inputLabels(): Promise<string[]> {
    return [...this.host.querySelectorAll<HTMLInputElement>('.value-test > input')].map(
      (input) => this.host.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? '',
    );
  }

  /** Types into the `n`th value input. */
  async fill(text: string, n = 0): Promise<void> {
    const inputs = this.host.querySelectorAll<HTMLInputElement>('.value-test > input');
    if (!inputs[n]) throw new Error(`no value input ${n}`);
    await this.type(inputs[n], text);
  }

  async chips(): Promise<NameChipsHarness> {
    return new NameChipsHarness(this.fixture, this.one('marea-name-chips'));
  }
}
