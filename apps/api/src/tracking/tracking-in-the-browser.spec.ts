import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { useTestDatabase } from '@marea/testing';
import { SignedMessageTracking, TrackingTokens, trackingSecret } from '@marea/infra/tracking';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/**
 * A recipient reading a tracked email in a browser (a webmail shows the HTML from its own origin):
 * the pixel must load across origins despite Marea's security headers, a link must land on the
 * shop, and the unsubscribe button must work under Marea's Content Security Policy.
 */
describe('a tracked email read in a browser', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let browser: Browser;
  let shop: Server;
  let shopUrl: string;
  let webmail: Server;
  let webmailUrl: string;
  let ana: string;
  let emailHtml = '';

  beforeAll(async () => {
    api = await startApi(db());
    const tracking = new SignedMessageTracking(new TrackingTokens(await trackingSecret(db().dataSource, undefined)), api.url);
    [{ id: ana }] = await api.rows<{ id: string }>(`INSERT INTO customers (external_id, email) VALUES ('ana', 'ana@shop.example') RETURNING id::text`);
    await api.rows(`INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'given', '2026-01-01', 'checkout')`, [ana]);
    shop = await listen((request, response) => response.end(`<h1>Shop page ${request.url}</h1>`));
    shopUrl = address(shop);
    const { html, unsubscribeUrl } = tracking.prepareEmail({
      messageId: '<decision-1@marea>',
      customerId: ana,
      html: `<h1>Summer sale</h1><p><a href="${shopUrl}/sale?size=m">See the sale</a></p>`,
      transactional: false,
    });
    emailHtml = html.replace('</body>', `<p><a href="${unsubscribeUrl}">Unsubscribe</a></p></body>`);
    webmail = await listen((_, response) => response.setHeader('content-type', 'text/html').end(emailHtml));
    webmailUrl = address(webmail);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shop, webmail].map((server) => new Promise((done) => server?.close(done))));
    await api?.close();
  });

  const events = () => api.rows(`SELECT kind FROM message_events ORDER BY id`);

  it('loads the open pixel, follows a link to the shop, and unsubscribes with the button', async () => {
    const page = await browser.newPage();
    await page.goto(webmailUrl); // waits for the load event: images included
    expect(await events()).toEqual([{ kind: 'opened' }]);
    const pixelLoaded = await page.locator('img[width="1"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1);
    expect(pixelLoaded).toBe(true);

    await page.getByRole('link', { name: 'See the sale' }).click();
    await page.waitForURL(`${shopUrl}/sale?size=m`);
    expect(await page.locator('h1').textContent()).toBe('Shop page /sale?size=m');

    await page.goto(webmailUrl);
    await page.getByRole('link', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'Unsubscribe from these emails?' }).waitFor();
    expect(await api.rows(`SELECT status FROM consents WHERE customer_id = $1`, [ana])).toEqual([{ status: 'given' }]);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(await api.rows(`SELECT status, source FROM consents WHERE customer_id = $1`, [ana])).toEqual([{ status: 'withdrawn', source: 'unsubscribe' }]);
    expect(await events()).toEqual([{ kind: 'opened' }, { kind: 'clicked' }, { kind: 'opened' }, { kind: 'unsubscribed' }]);
  }, 60_000);
});

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function address(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
