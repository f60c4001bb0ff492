import type { ComponentFixture } from '@angular/core/testing';

/**
 * The base of the analyses' test harnesses, in the style of Angular CDK harnesses (the CDK is
 * not a dependency): a harness wraps one widget's host element and offers what a user reads and
 * does there, letting Angular settle after each action.
 */
export abstract class DomHarness {
  constructor(
    protected readonly fixture: ComponentFixture<unknown>,
    readonly host: HTMLElement,
  ) {}

  /**
   * Lets Angular render and run what the action started. Not `whenStable()`: a request the
   * action sends keeps the app unstable until the test answers it.
   */
  protected async settle(): Promise<void> {
    this.fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.fixture.detectChanges();
  }

  protected one<T extends Element = HTMLElement>(selector: string): T {
    const element = this.host.querySelector<T>(selector);
    if (!element) throw new Error(`no ${selector} in ${this.host.tagName.toLowerCase()}`);
    return element;
  }

  protected text(element: Element | null): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
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
}
