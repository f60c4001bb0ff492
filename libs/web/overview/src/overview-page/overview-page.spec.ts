import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeEs from '@angular/common/locales/es';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Overview } from '@marea/contracts';
import { OverviewPage } from './overview-page';

const shop: Overview = {
  accountName: 'Huerto',
  currency: 'EUR',
  asOf: '2026-06-15T12:00:00.000Z',
  customers: 5012,
  products: 340,
  stores: 2,
  allTime: { orders: 50231, revenue: 1234567.89 },
  last12Months: { orders: 12001, revenue: 345678.4 },
  eventsLast30Days: 88123,
  lastOrderAt: '2026-06-14T18:00:00.000Z',
  months: Array.from({ length: 12 }, (_, index) => ({
    month: `${index < 6 ? 2025 : 2026}-${String(((index + 6) % 12) + 1).padStart(2, '0')}`,
    orders: 1000 + index,
    revenue: 28000 + index * 100,
  })),
};

function render(locale = 'en-US') {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: LOCALE_ID, useValue: locale }],
  });
  const fixture = TestBed.createComponent(OverviewPage);
  const http = TestBed.inject(HttpTestingController);
  // Not whenStable(): the app stays unstable while the request is pending.
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  const answer = async (respond: (request: ReturnType<HttpTestingController['expectOne']>) => void) => {
    respond(http.expectOne('/api/v1/overview'));
    await fixture.whenStable();
  };
  const figure = (id: string) => page.querySelector(`[data-figure="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  return { page, answer, figure };
}

describe('OverviewPage', () => {
  it('says it is loading until the figures arrive', async () => {
    const { page } = render();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Loading the figures');
  });

  it('shows revenue in the account currency and counts formatted for the locale', async () => {
    const { answer, figure, page } = render();
    await answer((request) => request.flush(shop));
    expect(figure('revenue')).toContain('€1,234,568');
    expect(figure('revenue')).toContain('Last 12 months: €345,678');
    expect(figure('orders')).toContain('50,231');
    expect(figure('customers')).toContain('5,012');
    expect(figure('customers')).toContain('Last order on Jun 14, 2026');
    expect(figure('events')).toContain('88,123');
    expect(page.querySelectorAll('.bars li')).toHaveLength(12);
    expect(page.querySelector('.bars li')?.textContent).toContain('July 2025 — €28,000, 1,000 orders');
  });

  it('formats for a Spanish user with Spanish separators', async () => {
    registerLocaleData(localeEs);
    const { answer, figure } = render('es');
    await answer((request) => request.flush({ ...shop, currency: 'PLN' }));
    expect(figure('revenue')?.replace(/\s/g, ' ')).toContain('1.234.568 zł');
    expect(figure('orders')).toContain('50.231');
  });

  it("shows the server's message when the API fails", async () => {
    const { answer, page } = render();
    await answer((request) =>
      request.flush({ error: { code: 'database_unavailable', message: 'The database is not reachable.' } }, { status: 503, statusText: 'Service Unavailable' }),
    );
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('The database is not reachable.');
  });

  it('invites to import data when the account is empty', async () => {
    const { answer, page } = render();
    await answer((request) =>
      request.flush({ ...shop, customers: 0, products: 0, stores: 0, allTime: { orders: 0, revenue: 0 }, lastOrderAt: null }),
    );
    expect(page.textContent).toContain('No data yet');
    expect(page.querySelector('a[href="/imports"]')).not.toBeNull();
    expect(page.querySelector('[data-figure]')).toBeNull();
  });
});
