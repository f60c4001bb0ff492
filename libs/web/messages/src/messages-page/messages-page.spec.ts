import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OutboxMessage, OutboxPage } from '@marea/contracts';
import { MessagesPage } from './messages-page';

const welcome: OutboxMessage = {
  id: '12',
  messageId: '<d1@marea>',
  channel: 'email',
  customerId: '7',
  from: 'Tienda <hola@tienda.example>',
  to: 'lucia@example.com',
  subject: 'Bienvenida, Lucía',
  createdAt: '2026-11-24T09:00:00.000Z',
  headers: { 'list-unsubscribe': '<https://marea.example/t/u/abc>', 'list-unsubscribe-post': 'List-Unsubscribe=One-Click' },
  html: '<h1>Hola Lucía</h1><script>parent.alert(1)</script>',
  text: 'Hola Lucía',
};
const reminder = { id: '11', messageId: '<d2@marea>', channel: 'sms' as const, customerId: '7', from: '+34900000000', to: '+34600123456', subject: '', createdAt: '2026-11-24T08:00:00.000Z' };

describe('the Messages screen (the outbox)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(page: OutboxPage) {
    const fixture = TestBed.createComponent(MessagesPage);
    TestBed.tick();
    http.expectOne('/api/v1/outbox?limit=50').flush(page);
    await fixture.whenStable();
    return fixture;
  }

  it('lists the kept messages newest first and shows one as received, its HTML in a frame where scripts cannot run', async () => {
    const fixture = await open({ items: [welcome, reminder], nextBefore: null });
    const screen: HTMLElement = fixture.nativeElement;
    const items = [...screen.querySelectorAll('.item')].map((item) => item.textContent ?? '');
    expect(items[0]).toContain('Bienvenida, Lucía');
    expect(items[1]).toContain('+34600123456');

    (screen.querySelector('.item') as HTMLButtonElement).click();
    TestBed.tick();
    http.expectOne('/api/v1/outbox/12').flush(welcome);
    await fixture.whenStable();
    const frame = screen.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>Hola Lucía</h1>');
    expect(screen.querySelector('.envelope')?.textContent).toContain('https://marea.example/t/u/abc');
    expect(screen.querySelector('a[href="/customers/7"]')).not.toBeNull();

    (screen.querySelectorAll('.parts button')[1] as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(screen.querySelector('pre.text')?.textContent).toBe('Hola Lucía');
  });

  it('filters by channel and says so when the outbox is empty', async () => {
    const fixture = await open({ items: [welcome], nextBefore: null });
    const screen: HTMLElement = fixture.nativeElement;
    (screen.querySelectorAll('.filters button')[2] as HTMLButtonElement).click();
    TestBed.tick();
    http.expectOne('/api/v1/outbox?limit=50&channel=sms').flush({ items: [], nextBefore: null });
    await fixture.whenStable();
    expect(screen.querySelector('.empty')?.textContent).toContain('No messages yet');
  });

  it("shows the server's message when the outbox cannot be read", async () => {
    const fixture = TestBed.createComponent(MessagesPage);
    TestBed.tick();
    http.expectOne('/api/v1/outbox?limit=50').flush({ error: { code: 'FORBIDDEN', message: 'Only admins and marketers read the outbox.' } }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Only admins and marketers read the outbox.');
  });
});
