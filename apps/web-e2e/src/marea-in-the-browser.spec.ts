import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { expectedFigures, pushSmallShop } from './support/small-shop';
import { screenshotPath } from './support/screenshots';

// The app is built for the source locale `en`; the expected strings are formatted by Intl, not
// by Angular, so the test does not share the code it checks.
const euros = (amount: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
const count = (value: number) => new Intl.NumberFormat('en').format(value);

describe('Marea in a browser', () => {
  let marea: RunningMarea | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url: string;
  const pageErrors: string[] = [];

  const navLink = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const settingsLink = (name: string) => page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true });
  const figure = async (id: string) => (await page.locator(`[data-figure="${id}"]`).innerText()).replace(/\s+/g, ' ');

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    url = marea.url;
    await pushSmallShop(url, (await marea.signIn()).headers);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A script or style the Content Security Policy blocks is reported on the console.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('asks for a sign-in first, and runs styled under the Content Security Policy', async () => {
    await page.goto(`${url}/overview`);
    await page.waitForURL('**/sign-in?returnUrl=%2Foverview');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');
    // The global stylesheet is loaded by the one inline handler the policy allows by its hash.
    const submit = page.getByRole('button', { name: 'Sign in', exact: true });
    await page.waitForFunction(() => Array.from(document.styleSheets).some((sheet) => sheet.href?.includes('styles') && sheet.media.mediaText !== 'print'));
    expect(await submit.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(15, 124, 134)');

    await page.getByLabel('Email').fill(marea!.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await submit.click();
    expect(await page.getByRole('alert').innerText()).toMatch(/wrong/);
    await page.screenshot({ path: screenshotPath('sign-in.png'), fullPage: true });

    await page.getByLabel('Password').fill(marea!.admin.password);
    await submit.click();
    await page.waitForURL('**/overview');
  });

  it('opens on the Overview, whose figures are those of the data pushed through the API', async () => {
    await page.goto(url);
    await page.waitForURL('**/overview');
    await page.locator('[data-figure="revenue"]').waitFor();

    expect(await page.title()).toBe('Overview · Marea');
    expect(await figure('revenue')).toContain(euros(expectedFigures.revenue));
    expect(await figure('revenue')).toContain(`Last 12 months: ${euros(expectedFigures.revenue12Months)}`);
    expect(await figure('orders')).toContain(count(expectedFigures.orders));
    expect(await figure('orders')).toContain(`Last 12 months: ${count(expectedFigures.orders12Months)}`);
    expect(await figure('customers')).toContain(count(expectedFigures.customers));
    expect(await figure('products')).toContain(count(expectedFigures.products));
    expect(await figure('events')).toContain(count(expectedFigures.eventsLast30Days));
    expect(await figure('stores')).toContain(count(expectedFigures.stores));
    expect(await page.locator('.bars li').count()).toBe(12);

    await page.screenshot({ path: screenshotPath('overview.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: screenshotPath('overview-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('leads to Data import through the navigation, and opens it from a deep link', async () => {
    await navLink('Data import').click();
    await page.waitForURL('**/imports');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Data import');
    expect(await page.locator('nav a[aria-current="page"]').innerText()).toContain('Data import');

    await page.goto(`${url}/imports`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Data import');
  });

  it('imports a CSV file, shows its progress and the rows it rejected, and the Overview counts the new customers', async () => {
    const csv = [
      'externalId,firstName,email,country',
      'c-10,Marta,marta@example.com,ES',
      'c-11,Piotr,not-an-email,PL',
      'c-12,Inês,ines@example.com,PT',
      'c-13,Ana,ana@example.com,ES',
    ].join('\n');
    await page.getByLabel('Customers', { exact: true }).check();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'new-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.waitForURL(/\/imports\?job=[0-9a-f-]{36}$/);
    const panel = page.locator('marea-import-job-panel');
    expect(await panel.getByRole('heading', { level: 2 }).innerText()).toBe('new-customers.csv');
    await panel.locator('.status[data-status="completed"]').waitFor();
    expect(await panel.locator('[data-count="accepted"]').innerText()).toBe('3');
    expect(await panel.locator('[data-count="rejected"]').innerText()).toBe('1');
    expect(await panel.locator('[data-count="total"]').innerText()).toBe('4');

    const rejects = panel.locator('.rejects tbody tr');
    await rejects.first().waitFor();
    const cells = await rejects.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('3'); // the header is row 1, as in a spreadsheet
    expect(cells[1]).toBe('email');
    expect(cells[2]).toMatch(/email/i);
    expect(await rejects.count()).toBe(1);
    expect(await panel.getByRole('link', { name: 'Download the rejects report (CSV)' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/imports\/[0-9a-f-]{36}\/rejects$/,
    );
    await page.locator('marea-import-history tbody tr').first().waitFor();
    await page.screenshot({ path: screenshotPath('data-import.png'), fullPage: true });

    await navLink('Overview').click();
    await page.locator('[data-figure="customers"]').waitFor();
    expect(await figure('customers')).toContain(count(expectedFigures.customers + 3));
  });

  it("shows the account's currency and time zone under Settings, with the admin's pages beside them", async () => {
    expect(await page.locator('[data-user-role]').innerText()).toContain('Admin');
    await navLink('Settings').click();
    await page.waitForURL('**/settings/account');
    expect(await page.locator('[data-account-currency]').innerText()).toBe('EUR');
    expect(await page.locator('[data-account-time-zone]').innerText()).toContain('UTC');
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allInnerTexts()).toEqual(['Account', 'Users', 'API keys', 'Audit log']);
    await page.screenshot({ path: screenshotPath('settings.png'), fullPage: true });
    // The old addresses of the admin's pages still lead to them.
    await page.goto(`${url}/users`);
    await page.waitForURL('**/settings/users');
  });

  it('lets an admin create an API key, shown once, that the API accepts until it is revoked', async () => {
    await navLink('Settings').click();
    await settingsLink('API keys').click();
    await page.waitForURL('**/settings/api-keys');
    await page.getByLabel('Name', { exact: true }).fill('Shop sync');
    await page.getByRole('button', { name: 'Create key', exact: true }).click();
    const secret = await page.locator('[data-secret]').innerText();
    expect(secret).toMatch(/^marea_/);
    const row = page.locator('tr[data-key="Shop sync"]');
    await row.waitFor();
    expect(await row.innerText()).not.toContain(secret);
    await page.screenshot({ path: screenshotPath('api-keys.png'), fullPage: true });

    const push = () =>
      fetch(`${url}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [] }),
      });
    expect((await push()).status).toBe(200);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.locator('[data-state]').getByText(/Revoked/).waitFor();
    expect((await push()).status).toBe(401);

    // Both changes are in the audit log, found by their action.
    await settingsLink('Audit log').click();
    await page.waitForURL('**/settings/audit-log');
    await page.locator('[data-audit-log]').waitFor();
    await page.getByLabel('Action').selectOption({ label: 'API key revoked' });
    const revoked = page.locator('[data-audit-log] tbody tr');
    expect(await revoked.count()).toBe(1);
    expect(await revoked.innerText()).toContain('Shop sync');
  });

  it('lets an admin invite a marketer with a one-time link, and signs out', async () => {
    await navLink('Settings').click();
    await settingsLink('Users').click();
    await page.waitForURL('**/settings/users');
    await page.getByLabel('Name', { exact: true }).fill('Mia');
    await page.getByLabel('Email', { exact: true }).fill('mia@shop.example');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = await page.locator('[data-invitation-link]').innerText();
    expect(link).toMatch(new RegExp(`^${url}/invitation\\?token=`));
    expect(await page.locator('tr[data-user="mia@shop.example"] [data-status]').innerText()).toBe('Invited');
    await page.screenshot({ path: screenshotPath('users.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(link);
    await page.getByLabel('Password').fill('mias own password');
    await page.getByRole('button', { name: 'Set the password and sign in' }).click();
    await page.waitForURL('**/overview');
    expect(await navLink('Data import').count()).toBe(1);
    expect(await page.locator('[data-user-role]').innerText()).toContain('Marketer');
    // A marketer reads the account under Settings, but not the admin's pages.
    await navLink('Settings').click();
    await page.locator('[data-account-currency]').waitFor();
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('link').allInnerTexts()).toEqual(['Account']);
  });
});
