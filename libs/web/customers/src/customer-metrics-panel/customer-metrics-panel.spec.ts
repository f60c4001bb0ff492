import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CustomerMetrics } from '@marea/contracts';
import { CustomerMetricsPanel } from './customer-metrics-panel';

const metrics: CustomerMetrics = {
  customerId: '7',
  currency: 'EUR',
  asOf: '2026-11-24T08:00:00.000Z',
  tickets: { allTime: 6, last12Months: 3 },
  revenue: { allTime: 420, last12Months: 180 },
  margin: { allTime: 120, last12Months: 50 },
  averageTicket: 70,
  averageUnitPrice: 35,
  returns: 0,
  firstPurchase: { at: '2024-05-01T10:00:00.000Z', storeId: 1, storeName: 'Tienda online', tenureDays: 937 },
  lastPurchase: { at: '2026-10-30T10:00:00.000Z', daysSince: 24 },
  lastActivityAt: '2026-11-20T10:00:00.000Z',
  affinity: { primary: null, secondary: null, minimumTickets: 3 },
  rfm: null,
  clv: null,
};

async function render(answer: CustomerMetrics) {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(CustomerMetricsPanel);
  fixture.componentRef.setInput('customerId', '7');
  fixture.detectChanges();
  TestBed.inject(HttpTestingController).expectOne('/api/v1/customers/7/metrics').flush(answer);
  await fixture.whenStable();
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  return (figure: string) => page.querySelector(`[data-figure="${figure}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
}

describe('CustomerMetricsPanel', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the model-based CLV, P(alive), expected purchases and order value, each with when it was computed', async () => {
    const figure = await render({
      ...metrics,
      clv: {
        expectedPurchases12m: 2.46,
        probabilityAlive: 0.873,
        expectedAverageOrderValue: 68.4,
        clv12m: 158.2,
        expectedNextOrderAt: '2026-12-19T12:00:00.000Z',
        computedAt: '2026-11-24T12:00:00.000Z',
        fitId: '12',
      },
    });
    expect(figure('clv-12m')).toContain('158.20');
    expect(figure('clv-12m')).toContain('Computed Nov 24, 2026');
    expect(figure('probability-alive')).toContain('87 %');
    expect(figure('expected-purchases')).toContain('2.5');
    expect(figure('expected-purchases')).toContain('Next order around Dec 19, 2026');
    expect(figure('expected-order-value')).toContain('68.40');
  });

  it('shows no CLV figure before a model has scored the customer', async () => {
    const figure = await render(metrics);
    expect(figure('average-ticket')).toContain('70.00');
    expect(figure('clv-12m')).toBeNull();
    expect(figure('probability-alive')).toBeNull();
  });
});
