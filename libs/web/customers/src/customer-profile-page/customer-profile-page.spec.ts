import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CustomerProfile, TimelinePage } from '@marea/contracts';
import { CustomerProfilePage } from './customer-profile-page';

/** The browser's EventSource, which jsdom lacks: records what the page listens to and lets a test announce activity. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  private readonly listeners = new Map<string, () => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
  emit(type: string) {
    this.listeners.get(type)?.();
  }
  close() {
    this.closed = true;
  }
}

const lucia: CustomerProfile = {
  id: '7',
  externalId: 'CRM-1001',
  createdAt: '2024-11-02T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  currency: 'EUR',
  header: { rfmSegment: 'at_risk', clvState: null, predictedClv: null },
  personal: { firstName: 'Lucía', lastName: 'García', documentNumber: null, birthDate: '1990-04-02', gender: 'female', language: 'es' },
  contact: { email: 'lucia@example.com', phone: '+34 600 123 456', city: 'Sevilla', country: 'ES' },
  consents: [
    { channel: 'email', status: 'given', changedAt: '2024-12-01T10:00:00.000Z', source: 'checkout' },
    { channel: 'sms', status: 'withdrawn', changedAt: '2025-02-01T10:00:00.000Z', source: 'unsubscribe link' },
  ],
  consentHistory: [],
  tags: ['vip'],
  attributes: [{ key: 'shoe_size', label: 'Shoe size', type: 'number', value: 38 }],
  manager: null,
  cart: { currency: 'EUR', value: 25, updatedAt: '2025-03-01T09:50:00.000Z', items: [{ productId: '1', sku: 'sku-maceta', name: 'Maceta de barro', imageUrl: 'https://cdn.example.com/maceta.jpg', quantity: 2, unitPrice: 12.5, value: 25 }] },
  favourites: { currency: 'EUR', value: 0, items: [] },
  lastOrder: null,
  lastProducts: [],
  segments: [{ id: '3', name: 'Jardineros', since: '2025-01-01T00:00:00.000Z' }],
};

const visit = (live: boolean): TimelinePage => ({
  entries: [
    {
      type: 'visit',
      key: 'v:visit-1',
      at: '2025-03-01T09:50:00.000Z',
      visitId: 'visit-1',
      startedAt: '2025-03-01T09:40:00.000Z',
      live,
      eventCount: 1,
      store: { id: 1, name: 'Tienda online' },
      events: [{ id: '1', type: 'page_view', at: '2025-03-01T09:50:00.000Z', pageUrl: 'https://shop.example.com/ofertas', properties: {} }],
    },
  ],
  nextBefore: null,
});

type Respond = (request: ReturnType<HttpTestingController['expectOne']>) => void;
const noMetrics: Respond = (request) =>
  request.flush({ error: { code: 'CUSTOMER_NOT_FOUND', message: 'no metrics' } }, { status: 404, statusText: 'Not Found' });
const timelineOf =
  (page: TimelinePage): Respond =>
  (request) =>
    request.flush(page);
const isTimeline = (request: { url: string }) => request.url === '/api/v1/customers/7/timeline';

/** Renders the profile of Lucía and answers the page's three requests: profile, metrics, timeline. */
async function render(timeline: TimelinePage = { entries: [], nextBefore: null }, metrics: Respond = noMetrics) {
  FakeEventSource.opened = [];
  (globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
  const fixture = TestBed.createComponent(CustomerProfilePage);
  fixture.componentRef.setInput('id', '7');
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  http.expectOne('/api/v1/customers/7').flush(lucia);
  // The cards ask for the metrics and the timeline once the profile is shown.
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
  metrics(http.expectOne('/api/v1/customers/7/metrics'));
  timelineOf(timeline)(http.expectOne(isTimeline));
  await fixture.whenStable();
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, http, page, text };
}

describe('CustomerProfilePage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify({ ignoreCancelled: true }));

  it('shows the header, consents in green and red with date and source, cart with images, tags, attributes and segments', async () => {
    const { page, text } = await render(visit(false));

    expect(text('h1')).toBe('Lucía García');
    expect(text('[data-testid="rfm-segment"]')).toBe('RFM: at risk');
    expect(text('[data-consent="email:given"] strong')).toBe('email: given');
    expect(text('[data-consent="email:given"] span')).toBe('on Dec 1, 2024 via checkout');
    expect(text('[data-consent="sms:withdrawn"] span')).toBe('on Feb 1, 2025 via unsubscribe link');
    expect(page.querySelector('[data-consent="email:given"]')?.classList).toContain('given');
    expect(page.querySelector('[data-consent="sms:withdrawn"]')?.classList).toContain('withdrawn');
    expect(text('#cart-heading')).toContain('€25.00');
    expect(page.querySelector('marea-product-strip img')?.getAttribute('src')).toBe('https://cdn.example.com/maceta.jpg');
    expect(page.textContent).toContain('Shoe size');
    expect(page.textContent).toContain('Jardineros');
  });

  it('shows a clean empty state when the purchase figures do not answer', async () => {
    const { page } = await render();
    expect(page.textContent).toContain('Purchase figures are not available yet');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('reloads the timeline when the server announces new activity, and marks the visit live', async () => {
    const { fixture, http, page } = await render();
    const [source] = FakeEventSource.opened;
    expect(source.url).toBe('/api/v1/customers/7/live');
    source.emit('ready');
    source.emit('activity');
    http.expectOne(isTimeline).flush(visit(true));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(page.querySelector('[data-testid="live-marker"]')?.textContent).toContain('Live');
    expect(page.querySelector('[data-testid="live-connection"]')).not.toBeNull();
    fixture.destroy();
    expect(source.closed).toBe(true);
  });

  it('shows the server’s field errors under the fields of the edit form', async () => {
    const { fixture, http, page } = await render();
    (page.querySelector('.header button') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    const email = page.querySelector('input[name="email"]') as HTMLInputElement;
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input'));
    (page.querySelector('form.edit') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/customers/7' });
    expect(request.request.body).toMatchObject({ email: 'not-an-email', tags: ['vip'], attributes: { shoe_size: 38 }, gender: 'female' });
    request.flush(
      { error: { code: 'INVALID_CUSTOMER_EDIT', message: 'The edit is not valid: email: must be an email address.', details: [{ field: 'email', message: 'must be an email address' }] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(page.querySelector('input[name="email"] + .field-error')?.textContent).toBe('must be an email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});
