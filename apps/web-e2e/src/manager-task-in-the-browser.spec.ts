import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { pushSmallShop } from './support/small-shop';
import { screenshotPath } from './support/screenshots';
import { apiOf, signedInPage } from './support/browser-session';

const MANAGER = { email: 'marta@shop.test', password: 'a-long-manager-password' };
const IN_SEVILLA = { version: 1, match: 'all', negate: false, conditions: [{ kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Sevilla' } }] };

/** "Enters Sevilla → a task for the customer's manager": what a regional sales team asks for. */
const CALL_NEW_SEVILLA_CUSTOMERS = {
  version: 1,
  trigger: { kind: 'segment-entered', segmentCode: 'sevilla' },
  start: 'call',
  steps: {
    call: {
      kind: 'action',
      action: { kind: 'task', title: 'Call {{customer.firstName}} about the Sevilla store', description: 'Invite them to the opening.', dueInDays: 2, priority: 'high' },
      next: null,
    },
  },
};

describe("a manager's task, created by an automation, worked off in the browser", () => {
  let marea: RunningMarea | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let headers: Record<string, string>;
  const pageErrors: string[] = [];

  let api: ReturnType<typeof apiOf>;

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    headers = (await marea.signIn()).headers;
    api = apiOf(marea.url, headers);
    await pushSmallShop(marea.url, headers);

    const invitation = await api('POST', 'users', { email: MANAGER.email, name: 'Marta', role: 'manager' });
    expect(invitation).toMatchObject({ status: 201 });
    const accepted = await fetch(`${marea.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.body.token, password: MANAGER.password }),
    });
    expect(accepted.status).toBeLessThan(300);

    const pablo = await api('POST', 'customers', { items: [{ externalId: 'c-7', firstName: 'Pablo', city: 'Cádiz', managerEmail: MANAGER.email }] });
    expect(pablo.body.rejected).toBe(0);
    expect(await api('POST', 'segments', { code: 'sevilla', name: 'Sevilla', kind: 'dynamic', rule: IN_SEVILLA })).toMatchObject({ status: 201 });
    const automation = await api('POST', 'automations', { name: 'Call new Sevilla customers', definition: CALL_NEW_SEVILLA_CUSTOMERS });
    expect(automation).toMatchObject({ status: 201 });
    expect((await api('POST', `automations/${automation.body.id}/activate`)).body.status).toBe('active');

    // Pablo moves to Sevilla: he enters the segment, and the automation gives Marta a task.
    expect((await api('POST', 'customers', { items: [{ externalId: 'c-7', city: 'Sevilla' }] })).body.rejected).toBe(0);
    let tasks = 0;
    for (let attempt = 0; attempt < 60 && tasks === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      tasks = (await api('GET', 'tasks?view=all')).body.items.length;
    }
    expect(tasks).toBe(1);

    page = await signedInPage(browser, marea.url, MANAGER, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it('shows the task in her inbox, opens the customer from it, and completes it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.waitForURL('**/tasks**');
    const task = page.locator('article.task', { hasText: 'Call Pablo about the Sevilla store' });
    await task.waitFor();
    expect(await task.innerText()).toContain('Call new Sevilla customers');
    await page.screenshot({ path: screenshotPath('tasks.png'), fullPage: true });

    await task.getByRole('link', { name: 'Pablo' }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByRole('heading', { name: 'Pablo', level: 1 }).waitFor();
    await page.locator('marea-customer-timeline').getByText('Task created: Call Pablo about the Sevilla store').waitFor();

    await page.goBack();
    await page.locator('article.task', { hasText: 'Call Pablo about the Sevilla store' }).getByRole('button', { name: 'Complete' }).click();
    await page.locator('nav.tabs a[data-view="done"]').click();
    await page.locator('article.task.done', { hasText: 'Call Pablo about the Sevilla store' }).waitFor();
    const [stored] = (await api('GET', 'tasks?view=done')).body.items;
    expect(stored).toMatchObject({ status: 'done', title: 'Call Pablo about the Sevilla store' });
  }, 120_000);
});
