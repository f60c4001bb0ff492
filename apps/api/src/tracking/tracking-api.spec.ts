import { useTestDatabase } from '@marea/testing';
import { SignedMessageTracking, TrackingTokens, trackingSecret } from '@marea/infra/tracking';
import { startApi, type ApiUnderTest } from '../ingestion/testing/api-under-test';

/** The links of one tracked email, as a recipient's mail client would find them. */
interface TrackedLinks {
  clicks: string[];
  pixel: string;
  unsubscribe: string;
}

describe('the links inside messages, over HTTP', () => {
  const db = useTestDatabase();
  let api: ApiUnderTest;
  let tracking: SignedMessageTracking;
  let ana: string;
  let message = 0;

  beforeAll(async () => {
    // No MAREA_SECRET: the embedded default signs with the secret it stored in the database.
    api = await startApi(db());
    tracking = new SignedMessageTracking(new TrackingTokens(await trackingSecret(db().dataSource, undefined)), api.url);
    [{ id: ana }] = await api.rows<{ id: string }>(`INSERT INTO customers (external_id, email) VALUES ('ana', 'ana@shop.example') RETURNING id::text`);
  });
  afterAll(() => api?.close());

  beforeEach(async () => {
    await api.rows(`DELETE FROM message_events`);
    await api.rows(`DELETE FROM consent_changes`);
    await api.rows(`INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, 'email', 'given', '2026-01-01', 'checkout')
                    ON CONFLICT (customer_id, channel) DO UPDATE SET status = 'given', source = 'checkout'`, [ana]);
  });

  /** A marketing email to Ana with two links, prepared as the engine prepares it. */
  function anEmail(): { messageId: string; links: TrackedLinks } {
    const messageId = `<decision-${++message}@marea>`;
    const html = '<p>Our <a href="https://shop.example/sale?size=m&amp;colour=blue">summer sale</a> and <a href="https://shop.example/new">new arrivals</a></p>';
    const prepared = tracking.prepareEmail({ messageId, customerId: ana, html, transactional: false });
    const clicks = [...prepared.html.matchAll(/href="([^"]+)"/g)].map(([, url]) => url);
    const pixel = /<img src="([^"]+)"/.exec(prepared.html)?.[1];
    if (!pixel || !prepared.unsubscribeUrl) throw new Error('the email was not made trackable');
    return { messageId, links: { clicks, pixel, unsubscribe: prepared.unsubscribeUrl } };
  }
  const events = () => api.rows(`SELECT message_id, customer_id::text, kind, detail FROM message_events ORDER BY id`);
  const emailConsent = async () => (await api.rows(`SELECT status, source FROM consents WHERE customer_id = $1 AND channel = 'email'`, [ana]))[0];
  /** Swaps the signed destination of a click link for another site, keeping the signature. */
  const redirectedTo = (link: string, destination: string) => {
    const [payload, mac] = link.split('/api/t/c/')[1].split('.');
    const fields = JSON.parse(Buffer.from(payload, 'base64url').toString());
    fields[3] = destination;
    return `${api.url}/api/t/c/${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${mac}`;
  };

  describe('click redirect', () => {
    it('records the click and redirects to the original URL of the link', async () => {
      const { messageId, links } = anEmail();
      expect(links.clicks.every((link) => link.startsWith(`${api.url}/api/t/c/`))).toBe(true);
      const response = await fetch(links.clicks[0], { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('https://shop.example/sale?size=m&colour=blue');
      expect(await events()).toEqual([{ message_id: messageId, customer_id: ana, kind: 'clicked', detail: 'https://shop.example/sale?size=m&colour=blue' }]);
    });

    it('refuses a link whose destination was changed to another site: 400, no redirect, nothing recorded', async () => {
      const { links } = anEmail();
      const response = await fetch(redirectedTo(links.clicks[0], 'https://evil.example/login'), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect((await response.json()).error).toMatchObject({ code: 'INVALID_TRACKING_LINK', details: [{ field: 'token' }] });
      expect(await events()).toEqual([]);
    });

    it('refuses a made-up token and a pixel token used as a redirect', async () => {
      const { links } = anEmail();
      const pixelToken = links.pixel.split('/api/t/o/')[1].replace(/\.gif$/, '');
      for (const token of ['https%3A%2F%2Fevil.example', 'abc.def', pixelToken]) {
        const response = await fetch(`${api.url}/api/t/c/${token}`, { redirect: 'manual' });
        expect({ token, status: response.status, location: response.headers.get('location') }).toEqual({ token, status: 400, location: null });
      }
      expect(await events()).toEqual([]);
    });
  });

  describe('open pixel', () => {
    it('answers a transparent GIF that is never cached, and records an open for every request', async () => {
      const { messageId, links } = anEmail();
      for (let i = 0; i < 2; i++) {
        const response = await fetch(links.pixel);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/gif');
        expect(response.headers.get('cache-control')).toContain('no-store');
        expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
        expect(Buffer.from(await response.arrayBuffer()).subarray(0, 6).toString()).toBe('GIF89a');
      }
      expect(await events()).toEqual([
        { message_id: messageId, customer_id: ana, kind: 'opened', detail: null },
        { message_id: messageId, customer_id: ana, kind: 'opened', detail: null },
      ]);
    });

    it('refuses a tampered pixel', async () => {
      const { links } = anEmail();
      const tampered = links.pixel.replace(/(.)\.gif$/, (_, last) => `${last === 'A' ? 'B' : 'A'}.gif`);
      expect((await fetch(tampered)).status).toBe(400);
      expect(await events()).toEqual([]);
    });
  });

  describe('unsubscribe', () => {
    it('shows a confirmation page on GET and unsubscribes nobody (mail scanners follow links)', async () => {
      const { links } = anEmail();
      const response = await fetch(links.unsubscribe);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const page = await response.text();
      expect(page).toContain('<form method="post">');
      expect(page).toContain('name="List-Unsubscribe" value="One-Click"');
      expect(await emailConsent()).toEqual({ status: 'given', source: 'checkout' });
      expect(await events()).toEqual([]);
    });

    it('withdraws the email consent on the RFC 8058 one-click POST, and records the unsubscribe', async () => {
      const { messageId, links } = anEmail();
      const response = await fetch(links.unsubscribe, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('You are unsubscribed');
      expect(await emailConsent()).toEqual({ status: 'withdrawn', source: 'unsubscribe' });
      expect(await api.rows(`SELECT channel, status, source FROM consent_changes WHERE customer_id = $1`, [ana])).toEqual([
        { channel: 'email', status: 'withdrawn', source: 'unsubscribe' },
      ]);
      expect(await events()).toEqual([{ message_id: messageId, customer_id: ana, kind: 'unsubscribed', detail: null }]);

      // The button pressed again later: nothing more happens.
      expect(await (await fetch(links.unsubscribe, { method: 'POST' })).text()).toContain('already unsubscribed');
      expect(await events()).toHaveLength(1);
    });

    it('refuses an open or click token posted to the unsubscribe route, and a tampered one', async () => {
      const { links } = anEmail();
      const pixelToken = links.pixel.split('/api/t/o/')[1].replace(/\.gif$/, '');
      const clickToken = links.clicks[0].split('/api/t/c/')[1];
      const tampered = links.unsubscribe.slice(0, -1) + (links.unsubscribe.endsWith('A') ? 'B' : 'A');
      for (const url of [`${api.url}/api/t/u/${pixelToken}`, `${api.url}/api/t/u/${clickToken}`, tampered]) {
        const response = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
        expect(response.status).toBe(400);
        expect((await response.json()).error.code).toBe('INVALID_TRACKING_LINK');
        expect((await fetch(url)).status).toBe(400);
      }
      expect(await emailConsent()).toEqual({ status: 'given', source: 'checkout' });
      expect(await events()).toEqual([]);
    });
  });

  it('needs no session or API key: recipients are not users', async () => {
    const { links } = anEmail();
    const anonymous = { headers: {} };
    expect((await fetch(links.pixel, anonymous)).status).toBe(200);
    expect((await fetch(links.unsubscribe, anonymous)).status).toBe(200);
  });
});
