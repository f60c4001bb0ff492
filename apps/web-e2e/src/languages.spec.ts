import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { signedInPage } from './support/browser-session';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { screenshotPath } from './support/screenshots';

/** The built app in each language: where the server finds it, and what the browser shows. */
describe('Marea in Spanish, Polish and Portuguese', () => {
  let marea: RunningMarea | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url: string;
  const pageErrors: string[] = [];

  /** A page load as a browser asks for it. */
  const load = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    url = marea.url;
    page = await signedInPage(browser, url, marea.admin, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it.each([
    ['/es/customers', 'es', '/es/'],
    ['/pl/segments/new', 'pl', '/pl/'],
    ['/pt/automations', 'pt', '/pt/'],
    ['/customers', 'en', '/'],
  ])('answers a deep link %s with the index.html of its language', async (path, lang, base) => {
    const answer = await load(path);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html).toContain(`<base href="${base}">`);
  });

  it("allows, by the Content Security Policy's hashes, exactly the inline code of each index.html", async () => {
    for (const root of ['/', '/es/', '/pl/', '/pt/']) {
      const answer = await load(root);
      const html = await answer.text();
      const allowed = /script-src ([^;]+)/.exec(answer.headers.get('content-security-policy') ?? '')?.[1] ?? '';
      const inline = [
        ...[...html.matchAll(/\son[a-z]+="([^"]*)"/g)].map(([, handler]) => handler.replace(/&#39;/g, "'").replace(/&quot;/g, '"')),
        ...[...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, script]) => script),
      ];
      // Angular inlines the critical CSS and loads the rest with an onload handler.
      expect({ root, inline: inline.length > 0 }).toEqual({ root, inline: true });
      for (const code of inline) {
        const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
        expect({ root, code, allowed: allowed.includes(hash) }).toEqual({ root, code, allowed: true });
      }
    }
  });

  it('shows the navigation in Polish once Polski is chosen, and opens / in Polish from then on', async () => {
    const picker = page.getByLabel('Language');
    expect(await picker.inputValue()).toBe('en');

    await picker.selectOption({ label: 'Polski' });
    await page.waitForURL('**/pl/overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    const navigation = page.getByRole('navigation', { name: 'Menu główne' });
    await navigation.getByRole('link').first().waitFor();
    const entries = await navigation.getByRole('link').allInnerTexts();
    expect(entries).toEqual(expect.arrayContaining(['Przegląd', 'Klienci', 'Segmenty', 'Automatyzacje', 'Zadania']));
    expect(entries.filter((entry) => ['Overview', 'Customers', 'Segments', 'Automations', 'Tasks'].includes(entry))).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-pl.png'), fullPage: true });

    // A screen reached by a link keeps the language: the router works under /pl/.
    await navigation.getByRole('link', { name: 'Klienci', exact: true }).click();
    await page.waitForURL('**/pl/customers');
    expect(await page.getByLabel('Język').inputValue()).toBe('pl');

    await page.goto(`${url}/`);
    await page.waitForURL('**/pl/overview');

    await page.getByLabel('Język').selectOption({ label: 'English' });
    await page.waitForURL((url) => url.pathname === '/overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${url}/`);
    await page.waitForURL((url) => url.pathname === '/overview');
  });
});
