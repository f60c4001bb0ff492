import { TestBed, type ComponentFixture } from '@angular/core/testing';

/** One run as the Runs tab shows it. */
export interface RunRow {
  customer: string;
  version: string;
  status: string;
}

/**
 * The Runs tab as a user reads and drives it, in the style of the rule builder's harnesses:
 * the rows, one customer's runs, a run opened onto its steps and reasons.
 */
export class AutomationRunsHarness {
  constructor(
    private readonly fixture: ComponentFixture<unknown>,
    private readonly host: HTMLElement,
  ) {}

  /**
   * Lets Angular render after an action. Not `whenStable()`: an action that asks the server (a
   * run's steps, one customer's runs) keeps the app busy until the test answers the request.
   */
  private async settle(): Promise<void> {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    this.fixture.detectChanges();
  }

  private row(customerId: string): HTMLElement {
    const row = this.host.querySelector<HTMLElement>(`tr[data-customer="${customerId}"]`);
    if (!row) throw new Error(`no run of customer ${customerId}`);
    return row;
  }

  async rows(): Promise<RunRow[]> {
    return [...this.host.querySelectorAll<HTMLElement>('tr[data-run]')].map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      return { customer: cells[0], version: cells[1], status: cells[2] };
    });
  }

  /** The link to the customer's profile on a run's row. */
  async customerLink(customerId: string): Promise<string | null> {
    return this.row(customerId).querySelector('a')?.getAttribute('href') ?? null;
  }

  /** Opens (or closes) a run's steps with its button; answers whether it is now open, as the button says. */
  async toggleSteps(customerId: string): Promise<boolean> {
    const button = this.row(customerId).querySelector<HTMLButtonElement>('button[aria-expanded]');
    if (!button) throw new Error(`the run of customer ${customerId} has no steps button`);
    button.focus();
    button.click();
    await this.settle();
    return button.getAttribute('aria-expanded') === 'true';
  }

  /** The steps shown under a run: step id, outcome and reason in words. */
  async steps(customerId: string): Promise<{ step: string; outcome: string; reason: string }[]> {
    const controls = this.row(customerId).querySelector('button[aria-expanded]')?.getAttribute('aria-controls');
    const panel = controls ? this.host.querySelector(`[id="${controls}"]`) : null;
    if (!panel) return [];
    return [...panel.querySelectorAll<HTMLElement>('[data-run-steps] li')].map((item) => ({
      step: item.querySelector('strong')?.textContent?.trim() ?? '',
      outcome: item.querySelector('.outcome')?.textContent?.trim() ?? '',
      reason: item.getAttribute('data-reason') ?? '',
    }));
  }

  /** Shows only one customer's runs (empty: everyone's again). */
  async filterByCustomer(customerId: string): Promise<void> {
    const input = this.host.querySelector<HTMLInputElement>('#runs-customer');
    const form = input?.closest('form');
    if (!input || !form) throw new Error('no customer filter');
    input.value = customerId;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await this.settle();
  }

  async text(): Promise<string> {
    return this.host.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }
}
