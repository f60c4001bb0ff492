import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startMareaOnFreshDatabase, type RunningMarea } from './support/marea-server';
import { pushSmallShop } from './support/small-shop';
import { screenshotPath } from './support/screenshots';
import { apiOf, signedInPage } from './support/browser-session';

/**
 * The rule the test builds by hand in the builder, written out as the API takes it: customers
 * with at least one purchase in the last 365 days who live in Madrid or in Lisboa.
 */
const RECENT_IN_MADRID_OR_LISBOA = {
  version: 1,
  match: 'all',
  negate: false,
  conditions: [
    { kind: 'order_aggregate', aggregate: 'count', measure: 'amount', filter: {}, window: { op: 'in_last_days', days: 365 }, test: { op: 'gte', value: 1 } },
    {
      kind: 'group',
      match: 'any',
      negate: false,
      conditions: [
        { kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Madrid' } },
        { kind: 'customer_field', field: 'city', test: { op: 'equals', value: 'Lisboa' } },
      ],
    },
  ],
};

describe('the segment builder in a browser', () => {
  let marea: RunningMarea | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let headers: Record<string, string>;
  const pageErrors: string[] = [];

  let api: ReturnType<typeof apiOf>;

  /** Adds the condition the "add a condition" menu calls `label` to the group at `group`. */
  const addCondition = async (group: Locator, label: string) => {
    await group.locator(':scope > fieldset > .group__add select').selectOption({ label });
    await group.locator(':scope > fieldset > .group__add').getByRole('button', { name: 'Add condition' }).click();
  };

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaOnFreshDatabase(), launchChromium()]);
    headers = (await marea.signIn()).headers;
    api = apiOf(marea.url, headers);
    await pushSmallShop(marea.url, headers);
    // Lucía (two recent orders) and Tomasz (one) live in Madrid and Lisboa; Joana lives in Madrid but last ordered 500 days ago.
    const cities = await api('POST', 'customers', {
      items: [
        { externalId: 'c-1', city: 'Madrid' },
        { externalId: 'c-2', city: 'Lisboa' },
        { externalId: 'c-3', city: 'Madrid' },
      ],
    });
    expect(cities.body.rejected).toBe(0);
    page = await signedInPage(browser, marea.url, marea.admin, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it('builds a segment with a nested any-group, previews the count the API gives, saves it and lists it with its size', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
    await page.waitForURL('**/segments');
    await page.getByText('No segments yet').waitFor();
    await page.getByRole('link', { name: 'New segment' }).first().click();
    await page.waitForURL('**/segments/new');

    await page.getByLabel('Name', { exact: true }).fill('Recientes en Madrid o Lisboa');
    expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe('recientes-en-madrid-o-lisboa');

    const root = page.locator('marea-rule-builder > marea-rule-group');
    await addCondition(root, 'Number of purchases');
    const purchases = root.locator('marea-rule-condition[data-path="conditions[0]"]');
    await purchases.getByLabel('Number of purchases: value').fill('1');
    await purchases.getByLabel('Only within a time window').check();
    await purchases.getByLabel('Days', { exact: true }).fill('365');

    await root.getByRole('button', { name: 'Add group' }).click();
    const anyGroup = root.locator('marea-rule-group[data-path="conditions[1]"]');
    expect(await anyGroup.locator(':scope > fieldset > legend select').inputValue()).toBe('any');
    await addCondition(anyGroup, 'City');
    await addCondition(anyGroup, 'City');
    // An empty city is a problem the browser shows before anything is sent.
    await anyGroup.locator('marea-rule-condition[data-path="conditions[1].conditions[1]"] .field-problem').waitFor();
    await anyGroup.locator('marea-rule-condition[data-path="conditions[1].conditions[0]"]').getByLabel('City: value').fill('Madrid');
    await anyGroup.locator('marea-rule-condition[data-path="conditions[1].conditions[1]"]').getByLabel('City: value').fill('Lisboa');
    expect(await page.locator('.field-problem').count()).toBe(0);

    // The live preview and the API agree on the same rule, and both say what the shop's data says: Lucía and Tomasz.
    const preview = await api('POST', 'segments/preview', { rule: RECENT_IN_MADRID_OR_LISBOA });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(2);
    await page.locator('marea-rule-preview .preview[data-state="ready"]').waitFor();
    expect(await page.locator('[data-preview-count]').innerText()).toBe(String(preview.body.count));
    expect(await page.locator('.preview__customers li').allInnerTexts()).toEqual([expect.stringContaining('Lucía'), expect.stringContaining('Tomasz')]);
    await page.screenshot({ path: screenshotPath('segment-builder.png'), fullPage: true });

    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.waitForURL(/\/segments$/);
    const row = page.locator('tr[data-code="recientes-en-madrid-o-lisboa"]');
    await row.waitFor();
    expect(await row.getByRole('link', { name: 'Recientes en Madrid o Lisboa' }).count()).toBe(1);
    expect(await row.locator('[data-type="dynamic"]').count()).toBe(1);
    // The segment is computed in the background; the list follows until its size is known.
    await row.locator('[data-size]', { hasText: /^2$/ }).waitFor({ timeout: 20_000 });
    await row.locator('marea-size-sparkline svg').waitFor();
    const saved = await api('GET', 'segments/recientes-en-madrid-o-lisboa');
    expect(saved.body.size).toBe(2);
    expect(saved.body.rule).toEqual(RECENT_IN_MADRID_OR_LISBOA);
    await page.screenshot({ path: screenshotPath('segment-list.png'), fullPage: true });
  });

  it('opens the saved segment on a tablet: its rule in the builder, nothing wider than the screen, and its customers', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('link', { name: 'Recientes en Madrid o Lisboa' }).click();
    await page.waitForURL('**/segments/recientes-en-madrid-o-lisboa');
    const lisboa = page.locator('marea-rule-condition[data-path="conditions[1].conditions[1]"]').getByLabel('City: value');
    expect(await lisboa.inputValue()).toBe('Lisboa');
    expect(await page.getByLabel('Code', { exact: true }).isDisabled()).toBe(true);
    await page.locator('#customers li', { hasText: 'Tomasz' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath('segment-editor-tablet.png'), fullPage: true });
  });
});
