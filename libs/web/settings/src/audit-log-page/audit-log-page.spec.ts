import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { AuditEntry } from '@marea/contracts';
import { AuditLogPage } from './audit-log-page';

const entry = (id: number, action: string, subject: string): AuditEntry => ({
  id: String(id),
  at: new Date(Date.UTC(2026, 10, 23, 9, 0, id)).toISOString(),
  actor: { kind: 'user', id: '1', label: 'ana@huerto.example' },
  action,
  subject,
  details: {},
  ip: '127.0.0.1',
});

describe('the audit log', () => {
  let fixture: ComponentFixture<AuditLogPage>;
  let http: HttpTestingController;
  const screen = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...screen().querySelectorAll('tbody tr')].map((row) => [row.getAttribute('data-action'), row.querySelectorAll('td')[3]?.textContent?.trim()]);

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditLogPage);
  });
  afterEach(() => http.verify());

  it('pages back through the log with the cursor the server answers, and filters the entries by action', async () => {
    const first = Array.from({ length: 100 }, (_, i) => entry(300 - i, i % 2 ? 'api-key.created' : 'session.signed-in', `subject ${300 - i}`));
    http.expectOne('/api/v1/audit-log?limit=100').flush({ items: first, limit: 100, before: '201' });
    await fixture.whenStable();
    expect(rows()).toHaveLength(100);

    (screen().querySelector('button.more') as HTMLButtonElement).click();
    http.expectOne('/api/v1/audit-log?limit=100&before=201').flush({ items: [entry(7, 'user.role-changed', 'mia@shop.example')], limit: 100, before: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(101);
    // The oldest entry is loaded: nothing more to ask for.
    expect(screen().querySelector('button.more')).toBeNull();

    const select = screen().querySelector('#audit-action') as HTMLSelectElement;
    const labels = [...select.options].map((option) => option.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['Every action', 'Role changed', 'API key created', 'Signed in']));
    select.value = 'user.role-changed';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(rows()).toEqual([['user.role-changed', 'mia@shop.example']]);
    expect(screen().querySelector('[data-audit-filter-note]')?.textContent).toContain('1 of the 101 entries loaded');
  });

  it("says when nothing is recorded, and shows the server's message when the log cannot be read", async () => {
    http.expectOne('/api/v1/audit-log?limit=100').flush({ error: { code: 'FORBIDDEN', message: 'Only admins may read the audit log.' } }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(screen().querySelector('[role="alert"]')?.textContent).toContain('Only admins may read the audit log.');

    (screen().querySelector('[role="alert"] button') as HTMLButtonElement).click();
    http.expectOne('/api/v1/audit-log?limit=100').flush({ items: [], limit: 100, before: null });
    await fixture.whenStable();
    expect(screen().textContent).toContain('Nothing recorded yet');
  });
});
