import { DomHarness } from './dom-harness';

/** The state limits form: fields by label, their problems, Apply. */
export class StateLimitsFormHarness extends DomHarness {
  private field(label: string): HTMLElement {
    const field = [...this.host.querySelectorAll<HTMLElement>('.field')].find((candidate) => this.text(candidate.querySelector('label')) === label);
    if (!field) throw new Error(`no limit labelled "${label}"`);
    return field;
  }

  async value(label: string): Promise<string> {
    return this.field(label).querySelector('input')!.value;
  }

  async fill(label: string, text: string): Promise<void> {
    await this.type(this.field(label).querySelector('input')!, text);
  }

  /** The problem shown under a field, tied to its input for screen readers. */
  async problem(label: string): Promise<string> {
    const input = this.field(label).querySelector('input')!;
    const described = input.getAttribute('aria-describedby');
    return this.text(described ? this.host.querySelector(`[id="${described}"]`) : null);
  }

  async isInvalid(label: string): Promise<boolean> {
    return this.field(label).querySelector('input')!.getAttribute('aria-invalid') === 'true';
  }

  async canApply(): Promise<boolean> {
    return !this.one<HTMLButtonElement>('button[type="submit"]').disabled;
  }

  async apply(): Promise<void> {
    const form = this.one<HTMLFormElement>('form');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await this.settle();
  }

  async restoreDefaults(): Promise<void> {
    const button = [...this.host.querySelectorAll<HTMLButtonElement>('button')].find((b) => this.text(b) === 'Default limits');
    if (!button) throw new Error('no "Default limits" button');
    await this.click(button);
  }
}
