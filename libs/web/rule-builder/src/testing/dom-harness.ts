import type { ComponentFixture } from '@angular/core/testing';

/**
 * The base of the builder's test harnesses, in the style of Angular CDK component harnesses
 * (the CDK is not a dependency of Marea): a harness wraps one widget's host element, offers
 * what a user can read and do there as async methods, and lets Angular settle after each action.
 */
export abstract class DomHarness {
  constructor(
    protected readonly fixture: ComponentFixture<unknown>,
    readonly host: HTMLElement,
  ) {}

  protected async settle(): Promise<void> {
    this.fixture.detectChanges();
    await this.fixture.whenStable();
  }

  protected one<T extends Element = HTMLElement>(selector: string): T {
    const element = this.host.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector} in ${this.host.tagName.toLowerCase()}`);
    return element;
  }

  protected async choose(select: HTMLSelectElement, value: string): Promise<void> {
    if (![...select.options].some((option) => option.value === value)) {
      throw new Error(`the menu offers no "${value}" (it offers: ${[...select.options].map((o) => o.value).join(', ')})`);
    }
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await this.settle();
  }

  protected async type(input: HTMLInputElement, text: string): Promise<void> {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await this.settle();
  }

  protected async click(button: HTMLElement): Promise<void> {
    button.focus();
    button.click();
    await this.settle();
  }

  /** Every problem message shown inside this widget (nested widgets included). */
  async problems(): Promise<string[]> {
    return [...this.host.querySelectorAll('.field-problem')].map((p) => p.textContent?.trim() ?? '');
  }
}
