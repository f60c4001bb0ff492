import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role, Task, TaskPage } from '@marea/contracts';
import { SessionStore } from '@marea/web/session';
import { TaskInboxPage } from './task-inbox-page';

const aTask = (overrides: Partial<Task> = {}): Task => ({
  id: '31',
  customer: { id: '42', name: 'Ana Ruiz' },
  assignee: { id: '5', name: 'Marta Gil' },
  title: 'Call Ana about her lapsed VIP status',
  description: 'No order for 90 days.',
  dueAt: '2026-11-20T09:00:00.000Z',
  overdue: true,
  priority: 'high',
  status: 'open',
  doneAt: null,
  doneBy: null,
  source: { automationId: '12', automationName: 'Lapsed VIP call' },
  createdBy: 'automation Lapsed VIP call',
  createdAt: '2026-11-19T09:00:00.000Z',
  ...overrides,
});
const page = (items: Task[], nextAfter: string | null = null): TaskPage => ({ items, nextAfter });
const list = (view: string) => `/api/v1/tasks?view=${view}&limit=25`;

async function open(url: string, role: Role) {
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'tasks', component: TaskInboxPage }], withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const signedIn = TestBed.inject(SessionStore).load();
  http.expectOne('/api/v1/session').flush({ user: { id: '5', email: 'marta@shop.test', name: 'Marta Gil', role }, csrfToken: 'csrf' });
  await signedIn;
  const harness = await RouterTestingHarness.create();
  void harness.navigateByUrl(url);
  const view = harness.fixture.nativeElement as HTMLElement;
  const settle = async () => {
    for (let turn = 0; turn < 5; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      harness.fixture.detectChanges();
    }
  };
  await settle();
  const text = () => view.textContent?.replace(/\s+/g, ' ') ?? '';
  const tabs = () => [...view.querySelectorAll('.tabs a')].map((tab) => tab.textContent?.trim());
  return { http, view, settle, text, tabs };
}

describe('TaskInboxPage', () => {
  it('shows a manager their overdue task with its customer, priority and automation, and completes it', async () => {
    const { http, view, settle, text, tabs } = await open('/tasks', 'manager');
    expect(tabs()).toEqual(['Mine', 'Due', 'Overdue', 'Done']);
    expect(text()).toContain('Loading the tasks…');
    http.expectOne(list('mine')).flush(page([aTask()]));
    await settle();

    const card = view.querySelector('[data-task-id="31"]') as HTMLElement;
    expect(card.querySelector('h3')?.textContent).toBe('Call Ana about her lapsed VIP status');
    expect(card.querySelector('a.customer')?.getAttribute('href')).toBe('/customers/42');
    expect(card.querySelector('.due.overdue')?.textContent).toContain('Overdue');
    expect(card.querySelector('.priority')?.textContent).toBe('High priority');
    expect(card.querySelector('.source')?.textContent).toContain('Automation “Lapsed VIP call”');
    expect(view.querySelector('.tabs a[aria-current="page"]')?.textContent?.trim()).toBe('Mine');

    (card.querySelector('button') as HTMLButtonElement).click();
    const change = http.expectOne({ method: 'PATCH', url: '/api/v1/tasks/31' });
    expect(change.request.body).toEqual({ status: 'done' });
    change.flush(aTask({ status: 'done', doneAt: '2026-11-24T10:00:00.000Z', overdue: false }));
    await settle();
    http.expectOne(list('mine')).flush(page([]));
    await settle();
    expect(text()).toContain('No open tasks for you.');
    http.verify();
  });

  it('reopens a done task from the Done tab', async () => {
    const { http, view, settle, text } = await open('/tasks?view=done', 'manager');
    http.expectOne(list('done')).flush(page([aTask({ status: 'done', overdue: false, doneAt: '2026-11-24T10:00:00.000Z', doneBy: 'marta@shop.test' })]));
    await settle();
    expect(text()).toContain('by marta@shop.test');
    const reopen = view.querySelector('[data-task-id="31"] button') as HTMLButtonElement;
    expect(reopen.textContent).toContain('Reopen');
    reopen.click();
    expect(http.expectOne({ method: 'PATCH', url: '/api/v1/tasks/31' }).request.body).toEqual({ status: 'open' });
  });

  it('gives admins the default queue, where tasks have no assignee', async () => {
    const { http, settle, text, tabs } = await open('/tasks?view=queue', 'admin');
    expect(tabs()).toEqual(['Mine', 'Due', 'Overdue', 'Done', 'Queue']);
    http.expectOne(list('queue')).flush(page([aTask({ assignee: null, source: null, createdBy: 'admin@shop.test', overdue: false })]));
    await settle();
    expect(text()).toContain('Default queue');
    expect(text()).toContain('Created by admin@shop.test');
  });

  it('shows the server’s message when a change is refused or the list cannot be loaded', async () => {
    const { http, view, settle, text } = await open('/tasks?view=overdue', 'manager');
    http.expectOne(list('overdue')).flush(page([aTask()]));
    await settle();
    (view.querySelector('[data-task-id="31"] button') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/tasks/31' })
      .flush(
        { error: { code: 'NOT_YOUR_TASK', message: 'Task 31 is assigned to another manager; only they, an admin or a marketer can change it.' } },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();
    expect(view.querySelector('.action-error[role="alert"]')?.textContent).toContain('Task 31 is assigned to another manager');

    (view.querySelector('.tabs a[data-view="due"]') as HTMLAnchorElement).click();
    await settle();
    http.expectOne(list('due')).flush({ error: { code: 'INVALID_QUERY', message: 'The task query is not valid: view: no.' } }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(text()).toContain('The tasks could not be loaded');
    expect(text()).toContain('The task query is not valid: view: no.');
  });

  it('loads the next page on "Show more"', async () => {
    const { http, view, settle } = await open('/tasks', 'manager');
    http.expectOne(list('mine')).flush(page([aTask()], 'cursor-1'));
    await settle();
    (view.querySelector('button.more') as HTMLButtonElement).click();
    http.expectOne('/api/v1/tasks?view=mine&limit=25&after=cursor-1').flush(page([aTask({ id: '32', title: 'Send the catalogue' })]));
    await settle();
    expect([...view.querySelectorAll('h3')].map((title) => title.textContent)).toEqual(['Call Ana about her lapsed VIP status', 'Send the catalogue']);
    expect(view.querySelector('button.more')).toBeNull();
  });
});
