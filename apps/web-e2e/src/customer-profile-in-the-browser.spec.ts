import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { pushSmallShop } from './support/small-shop';
import { screenshotPath } from './support/screenshots';
import { signedInPage } from './support/browser-session';

describe('the customer 360 profile in a browser', () => {
  let marea: RunningMarea | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let headers: Record<string, string>;
  const pageErrors: string[] = [];

  const post = async (route: string, items: unknown[]) => {
    const response = await fetch(`${marea!.url}/api/v1/${route}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    headers = (await marea.signIn()).headers;
    await pushSmallShop(marea.url, headers);
    await post('consents', [
      { customerExternalId: 'c-1', channel: 'email', status: 'given', changedAt: '2025-01-05T10:00:00Z', source: 'checkout' },
      { customerExternalId: 'c-1', channel: 'sms', status: 'withdrawn', changedAt: '2025-02-05T10:00:00Z', source: 'unsubscribe link' },
    ]);
    page = await signedInPage(browser, marea.url, marea.admin, pageErrors, { width: 1280, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it("finds a customer from the search, shows the consents and the timeline, and shows a live visit as it happens", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers', exact: true }).click();
    await page.waitForURL('**/customers');
    await page.locator('table.customers tbody tr').nth(2).waitFor();
    await page.getByLabel('Search customers').fill('LUCIA');
    // The search runs once typing pauses; then only Lucía is left.
    await page.waitForFunction(() => document.querySelectorAll('table.customers tbody tr').length === 1);
    await page.getByRole('link', { name: 'Lucía' }).click();
    await page.waitForURL(/\/customers\/\d+$/);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Lucía');
    const given = page.locator('[data-consent="email:given"]');
    expect((await given.innerText()).replace(/\s+/g, ' ')).toContain('via checkout');
    expect(await given.evaluate((element) => getComputedStyle(element).color)).not.toBe(
      await page.locator('[data-consent="sms:withdrawn"]').evaluate((element) => getComputedStyle(element).color),
    );
    const orders = page.locator('marea-customer-timeline li[data-type="order"]');
    await orders.first().waitFor();
    expect(await orders.count()).toBe(2);
    await page.getByTestId('live-connection').waitFor();
    expect(await page.getByTestId('live-marker').count()).toBe(0);

    // The shopper is on the site right now: their page view reaches the open profile without a reload.
    await post('events', [
      { externalId: 'e2e-live-1', customerExternalId: 'c-1', type: 'page_view', occurredAt: new Date().toISOString(), visitId: 'e2e-visit', pageUrl: 'https://shop.example.com/ofertas' },
    ]);
    await page.getByTestId('live-marker').waitFor({ timeout: 10_000 });
    expect(await page.locator('li.live').innerText()).toContain('https://shop.example.com/ofertas');
    await page.screenshot({ path: screenshotPath('customer-profile.png'), fullPage: true });
  });
});
