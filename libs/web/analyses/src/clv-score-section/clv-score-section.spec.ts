import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ClvScoreTable } from '@marea/contracts';
import { StateLimitsFormHarness } from '../testing/state-limits-form.harness';
import { ClvScoreSection } from './clv-score-section';

const table = (limits = { activeDays: 182, inactiveDays: 365, hibernatingDays: 730 }): ClvScoreTable => ({
  computedAt: '2026-11-24T08:00:00.000Z',
  currency: 'EUR',
  limits,
  states: [
    { state: 'active', customers: 600, tickets: 3000, averageTicket: 45.5, meanRecencyDays: 61.4, totalSpend: 136500, ticketsPerCustomer: 5, spendPerCustomer: 227.5, customerShare: 0.6, revenueShare: 0.7 },
    { state: 'inactive', customers: 200, tickets: 500, averageTicket: 40, meanRecencyDays: 270, totalSpend: 20000, ticketsPerCustomer: 2.5, spendPerCustomer: 100, customerShare: 0.2, revenueShare: 0.1026 },
    { state: 'hibernating', customers: 150, tickets: 300, averageTicket: 60, meanRecencyDays: 500, totalSpend: 18000, ticketsPerCustomer: 2, spendPerCustomer: 120, customerShare: 0.15, revenueShare: 0.0923 },
    { state: 'lost', customers: 50, tickets: 50, averageTicket: 400, meanRecencyDays: 900, totalSpend: 20500, ticketsPerCustomer: 1, spendPerCustomer: 410, customerShare: 0.05, revenueShare: 0.1051 },
  ],
  total: { customers: 1000, tickets: 3850, totalSpend: 195000 },
});

async function render() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(ClvScoreSection);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const row = (state: string) =>
    [...page.querySelectorAll(`tr[data-state="${state}"] > *`)].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
  const form = new StateLimitsFormHarness(fixture, page.querySelector('marea-state-limits-form')!);
  return { page, http, settle, row, form };
}

describe('the CLV score table', () => {
  it('shows every state with its days, figures in the account currency and shares', async () => {
    const { http, settle, row, page } = await render();
    http.expectOne('/api/v1/analyses/clv-states?activeDays=182&inactiveDays=365&hibernatingDays=730').flush(table());
    await settle();
    expect(row('active')).toEqual(['Active 0–181 days', '600', '3,000', '€45.50', '61', '€136,500', '5.00', '€227.50', '60.0%', '70.0%']);
    expect(row('inactive')[0]).toBe('Inactive 182–364 days');
    expect(row('hibernating')[0]).toBe('Hibernating 365–729 days');
    expect(row('lost')).toEqual(['Lost 730 days or more', '50', '50', '€400.00', '900', '€20,500', '1.00', '€410.00', '5.0%', '10.5%']);
    expect(page.querySelector('tfoot')?.textContent).toContain('1,000');
    expect(page.textContent).toContain('Computed at');
  });

  it('asks the server again with new limits and keeps the table on screen meanwhile', async () => {
    const { http, settle, row, form } = await render();
    http.expectOne((request) => request.url.startsWith('/api/v1/analyses/clv-states')).flush(table());
    await settle();
    await form.fill('Active below', '90');
    await form.apply();
    const next = http.expectOne('/api/v1/analyses/clv-states?activeDays=90&inactiveDays=365&hibernatingDays=730');
    expect(row('active')[0]).toBe('Active 0–181 days');
    next.flush(table({ activeDays: 90, inactiveDays: 365, hibernatingDays: 730 }));
    await settle();
    expect(row('active')[0]).toBe('Active 0–89 days');
    expect(row('inactive')[0]).toBe('Inactive 90–364 days');
  });

  it('sends nothing for limits the server would refuse', async () => {
    const { http, settle, form } = await render();
    http.expectOne((request) => request.url.startsWith('/api/v1/analyses/clv-states')).flush(table());
    await settle();
    await form.fill('Hibernating below', '300');
    await form.apply();
    http.expectNone((request) => request.url.startsWith('/api/v1/analyses/clv-states'));
    expect(await form.problem('Hibernating below')).toBe('must be greater than inactiveDays (365)');
  });

  it("puts the server's refusal of the limits under the fields it names", async () => {
    const { http, settle, form, page } = await render();
    http.expectOne((request) => request.url.startsWith('/api/v1/analyses/clv-states')).flush(
      {
        error: {
          code: 'INVALID_CLV_STATE_LIMITS',
          message: 'The state limits are wrong: activeDays must be at least 1 day.',
          details: [{ field: 'activeDays', message: 'must be at least 1 day' }],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(await form.problem('Active below')).toBe('must be at least 1 day');
    expect(page.querySelector('marea-error-state')).toBeNull();
  });

  it("shows the server's message when the table cannot be computed", async () => {
    const { http, settle, page } = await render();
    http.expectOne((request) => request.url.startsWith('/api/v1/analyses/clv-states')).flush(
      { error: { code: 'database_unavailable', message: 'The database is not reachable.' } },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('The database is not reachable.');
  });
});
