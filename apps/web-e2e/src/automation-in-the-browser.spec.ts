import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { pushSmallShop } from './support/small-shop';
import { screenshotPath } from './support/screenshots';
import { apiOf, signedInPage } from './support/browser-session';

/** Customers of Valencia who have bought something: Elena joins it with her first order. */
const VALENCIA_BUYERS = {
  version: 1,
  match: 'all',
  negate: false,
  conditions: [
    { kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Valencia' } },
    { kind: 'order_aggregate', aggregate: 'count', measure: 'amount', filter: {}, test: { op: 'gte', value: 1 } },
  ],
};

describe('an automation built in the browser, fired by an order', () => {
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
    const elena = await api('POST', 'customers', { items: [{ externalId: 'c-9', firstName: 'Elena', email: 'elena@example.com', city: 'Valencia' }] });
    expect(elena.body.rejected).toBe(0);
    const consent = await api('POST', 'consents', {
      items: [{ customerExternalId: 'c-9', channel: 'email', status: 'given', changedAt: new Date().toISOString(), source: 'checkout' }],
    });
    expect(consent.body.rejected).toBe(0);
    const segment = await api('POST', 'segments', { code: 'valencia-buyers', name: 'Valencia buyers', kind: 'dynamic', rule: VALENCIA_BUYERS });
    expect(segment).toMatchObject({ status: 201 });

    page = await signedInPage(browser, marea.url, marea.admin, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it('creates "enters segment → send email", activates it, and the email an order triggers shows in Messages and in the timeline', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Automations', exact: true }).click();
    await page.waitForURL('**/automations');
    await page.getByRole('link', { name: 'New automation' }).first().click();
    await page.waitForURL('**/automations/new');

    await page.locator('#automation-name').fill('Welcome to Valencia buyers');
    await page.locator('[data-node="trigger"]').click();
    await page.locator('#trigger-segment').fill('valencia-buyers');
    await page.locator('[data-node="email"]').click();
    await page.locator('#step-subject').fill('Bienvenida, {{customer.firstName}}');
    await page.locator('#step-html').fill('<h1>Hola {{customer.firstName}}</h1><p>Gracias por tu primera compra.</p>');
    await page.locator('#step-text').fill('Hola {{customer.firstName}}. Gracias por tu primera compra.');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/automations\/\d+$/);
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await page.locator('[data-status]', { hasText: 'Active' }).waitFor();
    await page.screenshot({ path: screenshotPath('automation-editor.png'), fullPage: true });

    // Her first order puts Elena in the segment; the engine sends the welcome.
    const order = await api('POST', 'orders', {
      items: [{ externalId: 'o-9', customerExternalId: 'c-9', storeExternalId: 'web', orderedAt: new Date().toISOString(), lines: [{ sku: 'planter', quantity: 1, unitPrice: 45 }] }],
    });
    expect(order.body.rejected).toBe(0);
    const automationId = page.url().split('/').pop();
    const [{ id }] = (await api('GET', 'customers?q=elena')).body.items;
    let kept = 0;
    for (let attempt = 0; attempt < 60 && kept === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      kept = (await api('GET', `outbox?customerId=${id}`)).body.items.length;
    }
    if (kept === 0) {
      const members = (await api('GET', 'segments/valencia-buyers')).body;
      const preview = (await api('POST', 'segments/preview', { rule: VALENCIA_BUYERS })).body;
      const runs = (await api('GET', `automations/${automationId}/runs`)).body;
      const why = (await api('GET', `automations/${automationId}/why/${id}`)).body;
      throw new Error(`no message after 30 s; segment ${JSON.stringify(members)}; preview ${JSON.stringify(preview)}; runs ${JSON.stringify(runs)}; why ${JSON.stringify(why)}\n${marea!.output().slice(-6000)}`);
    }

    // The Runs tab shows Elena's run; opened, its steps say the email was sent, and why.
    await page.getByRole('tab', { name: 'Runs' }).click();
    const run = page.locator(`tr[data-customer="${id}"]`);
    await run.waitFor();
    expect(await run.locator('[data-run-status]').innerText()).toMatch(/Completed|In progress/);
    await run.getByRole('button', { name: 'Steps and reasons' }).click();
    const sent = page.locator('[data-run-steps] li[data-reason="sent"]');
    await sent.waitFor();
    expect(await sent.getAttribute('data-step')).toBe('email');
    await page.screenshot({ path: screenshotPath('automation-runs.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.locator('[data-version="1"]').getByRole('button').click();
    await page.locator('[data-version-view]').getByText('Version 1, read-only').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages', exact: true }).click();
    await page.waitForURL('**/messages');
    await page.locator('.item', { hasText: 'Bienvenida, Elena' }).click();
    const frame = page.frameLocator('iframe.body');
    await frame.getByRole('heading', { name: 'Hola Elena' }).waitFor();
    expect(await page.locator('.envelope').innerText()).toContain('elena@example.com');
    await page.screenshot({ path: screenshotPath('messages.png'), fullPage: true });

    await page.goto(`${marea!.url}/customers/${id}`);
    await page.locator('marea-customer-timeline').getByText('Email “Bienvenida, Elena”').waitFor();
    await page.screenshot({ path: screenshotPath('customer-profile-with-message.png'), fullPage: true });
  }, 120_000);
});
