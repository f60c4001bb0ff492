import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { expectedFigures, pushSmallShop } from './support/small-shop';

/** Where the screens are photographed for a human to judge the design (MAREA_SCREENSHOTS overrides). */
const SCREENSHOTS = process.env['MAREA_SCREENSHOTS'] ?? '/tmp/marea-screenshots';

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
  const figure = async (id: string) => (await page.locator(`[data-figure="${id}"]`).innerText()).replace(/\s+/g, ' ');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    url = marea.url;
    await pushSmallShop(url);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
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

    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-tablet.png'), fullPage: true });
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
    await page.screenshot({ path: join(SCREENSHOTS, 'data-import.png'), fullPage: true });

    await navLink('Overview').click();
    await page.locator('[data-figure="customers"]').waitFor();
    expect(await figure('customers')).toContain(count(expectedFigures.customers + 3));
  });
});
