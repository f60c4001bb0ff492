import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Automation } from '@marea/contracts';
import { statistics, statisticsUrl, welcome } from '../testing/automation-fixtures';
import { AutomationListPage } from './automation-list-page';

const winBack: Automation = {
  ...welcome,
  id: '5',
  name: 'Black Friday',
  status: 'inactive',
  currentVersion: 1,
  definition: { ...welcome.definition, trigger: { kind: 'once', at: '2026-11-27T08:00:00.000Z', audience: { version: 1, match: 'all', negate: false, conditions: [] } } },
};

describe('the automations list', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(items: Automation[]) {
    const fixture = TestBed.createComponent(AutomationListPage);
    TestBed.tick();
    http.expectOne('/api/v1/automations').flush({ items });
    // The rows render first, then each row's count asks for its statistics.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    for (const item of items) http.expectOne(statisticsUrl(item.id)).flush(statistics({ mail: 2 }));
    await fixture.whenStable();
    return { fixture, screen: fixture.nativeElement as HTMLElement };
  }

  it('shows each automation with its trigger in words, status, version and messages sent in 30 days', async () => {
    const { screen } = await open([welcome, winBack]);
    const rows = [...screen.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect([rows[0][0], rows[0][1], rows[0][3], rows[0][4]]).toEqual(['Welcome', 'Enters segment NEW', 'v3', '4']);
    expect(rows[1][0]).toBe('Black Friday');
    expect(rows[1][1]).toBe(`Once, at ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-11-27T08:00:00.000Z'))}`);
    const statuses = [...screen.querySelectorAll('tbody .status')].map((cell) => [cell.querySelector('.badge')?.textContent, cell.querySelector('button')?.textContent]);
    expect(statuses).toEqual([
      ['Active', 'Deactivate'],
      ['Inactive', 'Activate'],
    ]);
    expect(screen.querySelector('a[href="/automations/4"]')).not.toBeNull();
    expect(screen.querySelector('a[href="/automations/new?kind=campaign"]')?.textContent).toContain('New campaign');
  });

  it('activates an automation and shows its new status', async () => {
    const { fixture, screen } = await open([winBack]);
    (screen.querySelector('tbody button') as HTMLButtonElement).click();
    const request = http.expectOne('/api/v1/automations/5/activate');
    expect(request.request.method).toBe('POST');
    request.flush({ ...winBack, status: 'active' });
    await fixture.whenStable();
    expect(screen.querySelector('tbody .status')?.textContent).toContain('Active');
    expect(screen.querySelector('tbody button')?.textContent).toContain('Deactivate');
  });

  it("says why an activation was refused, in the server's words", async () => {
    const { fixture, screen } = await open([winBack]);
    (screen.querySelector('tbody button') as HTMLButtonElement).click();
    http
      .expectOne('/api/v1/automations/5/activate')
      .flush({ error: { code: 'INVALID_AUTOMATION', message: 'The segment NEW does not exist.' } }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(screen.querySelector('[role="alert"]')?.textContent).toContain('The segment NEW does not exist.');
  });

  it('invites to create a first automation when there is none, and shows a load failure', async () => {
    const { screen } = await open([]);
    expect(screen.textContent).toContain('No automations yet');

    const failing = TestBed.createComponent(AutomationListPage);
    TestBed.tick();
    http.expectOne('/api/v1/automations').flush({ error: { code: 'FORBIDDEN', message: 'Only admins and marketers see automations.' } }, { status: 403, statusText: 'Forbidden' });
    await failing.whenStable();
    expect((failing.nativeElement as HTMLElement).textContent).toContain('Only admins and marketers see automations.');
  });

  it('shows one-time campaigns apart from always-on automations', async () => {
    const { fixture, screen } = await open([welcome, winBack]);
    const names = () => [...screen.querySelectorAll('tbody th')].map((cell) => cell.textContent?.trim());
    const choose = async (label: string) => {
      const choice = [...screen.querySelectorAll('.kind-filter label')].find((item) => item.textContent?.trim() === label);
      (choice?.querySelector('input') as HTMLInputElement).click();
      // Not whenStable(): a row drawn again asks for its sends, which keeps the app busy until answered.
      TestBed.tick();
    };
    expect(names()).toEqual(['Welcome', 'Black Friday']);

    await choose('One-time campaigns');
    expect(names()).toEqual(['Black Friday']);

    await choose('Always-on automations');
    // Welcome's row is drawn again, and reads its sends again.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne(statisticsUrl(welcome.id)).flush(statistics({ mail: 1 }));
    await fixture.whenStable();
    expect(names()).toEqual(['Welcome']);
  });
});
