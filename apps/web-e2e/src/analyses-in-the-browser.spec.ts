import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { dropTestDatabase, startMareaProcess, TEST_ADMIN, type MareaProcess } from '@marea/testing';
import { apiOf, signedInPage } from './support/browser-session';
import { launchChromium } from './support/chromium';
import { screenshotPath } from './support/screenshots';

const WEB_DIST = join(__dirname, '../../../dist/apps/web/browser');

interface MareaWithDemoShop {
  readonly process: MareaProcess;
  stop(): Promise<void>;
}

/**
 * The built server on a new database of its own, seeded with the demo shop as on a first
 * `npm start` (the other browser tests start empty and push a small shop): the embedded
 * PostgreSQL in a temporary folder, or a database created for the run on DATABASE_URL's server.
 */
async function startMareaWithDemoShop(): Promise<MareaWithDemoShop> {
  const env: Record<string, string> = { SEED_DEMO: 'on', WEB_DIST };
  let cleanUp: () => Promise<void>;
  const external = process.env['DATABASE_URL'];
  if (external) {
    const name = `marea_e2e_${randomBytes(5).toString('hex')}`;
    const admin = new URL(external);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`).finally(() => client.end());
    const url = new URL(external);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    cleanUp = () => dropTestDatabase(external, name);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'marea-e2e-'));
    env['MAREA_DATA_DIR'] = dataDir;
    cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    // Seeding the demo shop comes before the server listens.
    const marea = await startMareaProcess(env, 180_000);
    return {
      process: marea,
      async stop() {
        await marea.stop('SIGTERM');
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

describe('analyses in a browser, on the demo shop', () => {
  let marea: MareaWithDemoShop | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  const pageErrors: string[] = [];

  const cellsOf = async (state: string) => (await page.locator(`tr[data-state="${state}"] td`).allInnerTexts()).map((text) => text.trim());
  const count = (value: number) => new Intl.NumberFormat('en').format(value);

  beforeAll(async () => {
    [marea, browser] = await Promise.all([startMareaWithDemoShop(), launchChromium()]);
    api = apiOf(marea.process.url, (await marea.process.signIn()).headers);
    page = await signedInPage(browser, marea.process.url, TEST_ADMIN, pageErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await marea?.stop();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  it('shows the CLV score table by recency state, and recomputes it with other limits', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analyses', exact: true }).click();
    await page.waitForURL('**/analyses');
    await page.locator('tr[data-state="active"]').waitFor();

    const expected = (await api('GET', 'analyses/clv-states')).body;
    for (const figures of expected.states) {
      expect((await cellsOf(figures.state))[0]).toBe(count(figures.customers));
    }
    await page.screenshot({ path: screenshotPath('analyses-clv.png'), fullPage: true });

    // A limit that does not increase is refused at its field, before anything is sent.
    await page.getByLabel('Inactive below', { exact: true }).fill('100');
    await page.getByText('must be greater than activeDays (182)').waitFor();
    await page.getByLabel('Inactive below', { exact: true }).fill('365');

    await page.getByLabel('Active below', { exact: true }).fill('90');
    await page.getByRole('button', { name: 'Apply limits' }).click();
    await page.locator('tr[data-state="active"] th', { hasText: '0–89 days' }).waitFor();
    const narrower = (await api('GET', 'analyses/clv-states?activeDays=90&inactiveDays=365&hibernatingDays=730')).body;
    expect((await cellsOf('active'))[0]).toBe(count(narrower.states[0].customers));
    expect((await cellsOf('inactive'))[0]).toBe(count(narrower.states[1].customers));
  }, 120_000);

  it('runs a persona analysis with k = 4, shows its heatmap, and enriches a cluster', async () => {
    await page.goto(`${marea!.process.url}/analyses`);
    await page.getByRole('link', { name: 'New persona analysis' }).click();
    await page.waitForURL('**/analyses/personas/new');
    await page.getByLabel('Name', { exact: true }).fill('Departments of the demo shop');
    await page.getByLabel('Product attribute').fill('department');
    await page.getByLabel('Number of clusters').selectOption('4');
    await page.getByRole('button', { name: 'Start the analysis' }).click();
    await page.waitForURL(/\/analyses\/personas\/\d+$/);
    const id = page.url().split('/').pop()!;

    // The page follows the job until it is done, then draws one column per cluster.
    await page.locator('marea-persona-heatmap').waitFor({ timeout: 90_000 });
    const result = (await api('GET', `analyses/personas/${id}`)).body;
    expect(result.status).toBe('done');
    expect(result.clusters).toHaveLength(4);
    const columns = page.locator('marea-persona-heatmap thead th[data-cluster] .cluster-name');
    expect(await columns.allInnerTexts()).toEqual(result.clusters.map((cluster: { name: string }) => cluster.name));
    expect(await page.locator('marea-persona-heatmap tbody tr').count()).toBe(result.values.length);
    // Every cell says in words what it shows, and its colour follows the lift's side of 1.
    const firstCell = page.locator('marea-persona-heatmap tbody tr').first().locator('td').first();
    expect(await firstCell.locator('.visually-hidden').innerText()).toContain(`${result.values[0]} in ${result.clusters[0].name}`);
    const lift = result.clusters[0].lifts[0];
    expect(await firstCell.getAttribute('data-sign')).toBe(lift > 1 ? 'above' : lift < 1 ? 'below' : 'even');

    // Enrich the first cluster: the dialog says how many customers first, then the enrichment is listed.
    const first = result.clusters[0];
    await page.locator('tr[data-cluster="0"]').getByRole('button', { name: 'Enrich customers…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-applies-to]', { hasText: `Applies to ${count(first.size)} customers` }).waitFor();
    await dialog.getByRole('button', { name: 'Add the propensity levels' }).click();
    await dialog.getByRole('button', { name: 'Apply to the customers' }).click();
    await dialog.waitFor({ state: 'detached' });
    const listed = page.locator('marea-enrichment-list li.enrichment').first();
    await listed.waitFor();
    expect(await listed.innerText()).toContain(`persona = ${first.name}`);
    expect(await listed.innerText()).toContain(`${count(first.size)} customers`);
    const [stored] = (await api('GET', `analyses/personas/${id}/enrichments`)).body.items;
    expect(stored).toMatchObject({ cluster: 0, customers: first.size, revertedAt: null });
    expect(stored.attributes.persona).toBe(first.name);

    await page.locator('marea-persona-heatmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('analyses-personas.png'), fullPage: true });
  }, 180_000);

  it('fits the CLV model on request and shows its diagnostics and holdout check', async () => {
    await page.goto(`${marea!.process.url}/analyses`);
    await page.getByRole('link', { name: 'CLV model and RFM movement' }).click();
    await page.waitForURL('**/analyses/clv-model');
    await page.getByRole('button', { name: 'Refit' }).click();
    // The page follows the fit at its own address, then shows the model in force.
    await page.locator('[data-fact="customers"]').waitFor({ timeout: 90_000 });
    const fit = (await api('GET', 'analyses/clv-model')).body;
    expect(fit.status).toBe('done');
    expect(await page.locator('[data-fact="customers"]').innerText()).toBe(count(fit.customers));
    const r = await page.locator('[data-model="bg-nbd"] tr').first().locator('td').innerText();
    expect(Number(r)).toBeCloseTo(fit.bgNbd.r, 3);
    if (fit.holdout) await page.locator('marea-holdout-chart svg').waitFor();
    await page.locator('marea-rfm-movement table').waitFor();
    await page.screenshot({ path: screenshotPath('analyses-clv-model.png'), fullPage: true });
  }, 180_000);
});
