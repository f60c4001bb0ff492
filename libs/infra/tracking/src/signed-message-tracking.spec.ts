import { SignedMessageTracking, TRACKING_PATHS } from './signed-message-tracking';
import { TrackingTokens } from './tracking-token';

const tokens = new TrackingTokens('a-secret-of-at-least-thirty-two-characters');
const tracking = new SignedMessageTracking(tokens, 'https://marea.shop.example/');
const message = { messageId: '<d-7@marea>', customerId: '42' };

/** The destinations of the tracked links, read back from their tokens. */
function clickDestinations(html: string): string[] {
  const links = [...html.matchAll(/href="https:\/\/marea\.shop\.example\/api\/t\/c\/([^"]+)"/g)];
  return links.map(([, token]) => {
    const claims = tokens.verify(token);
    if (claims?.purpose !== 'click') throw new Error(`not a click token: ${token}`);
    expect(claims).toMatchObject(message);
    return claims.url;
  });
}

describe('making an email trackable', () => {
  const html = `<!DOCTYPE html><html><head><title>Sale</title></head><body>
    <p>Hello Ana, <a href="https://shop.example/sale?utm_source=mail&amp;utm_medium=email">see the sale</a>
    or <a href=" HTTP://shop.example/old ">the old shop</a>.</p>
    <a href="mailto:help@shop.example">Write to us</a> <a href="tel:+34600123456">Call</a> <a href="#top">Top</a>
    <map><area href="https://shop.example/map" alt="map"></map>
    <!-- <a href="https://shop.example/hidden">in a comment</a> -->
    <p title='<a href="https://shop.example/attr">'>text</p>
  </body></html>`;

  it('sends every http(s) link through a signed click redirect that remembers the original URL', () => {
    const { html: tracked } = tracking.prepareEmail({ ...message, html, transactional: false });
    expect(clickDestinations(tracked)).toEqual(['https://shop.example/sale?utm_source=mail&utm_medium=email', 'HTTP://shop.example/old', 'https://shop.example/map']);
  });

  it('leaves mail, phone and anchor links, comments and attribute text alone', () => {
    const { html: tracked } = tracking.prepareEmail({ ...message, html, transactional: false });
    expect(tracked).toContain('href="mailto:help@shop.example"');
    expect(tracked).toContain('href="tel:+34600123456"');
    expect(tracked).toContain('href="#top"');
    expect(tracked).toContain('<!-- <a href="https://shop.example/hidden">in a comment</a> -->');
    expect(tracked).toContain('https://shop.example/attr');
    expect(tracked).toContain('Hello Ana,');
  });

  it('appends a 1×1 open pixel at the end of the body', () => {
    const { html: tracked } = tracking.prepareEmail({ ...message, html, transactional: false });
    const pixel = /<img src="https:\/\/marea\.shop\.example\/api\/t\/o\/([^"]+)\.gif" width="1" height="1" alt=""[^>]*><\/body>/.exec(tracked);
    expect(tokens.verify(pixel?.[1] ?? '')).toEqual({ purpose: 'open', ...message });
  });

  it('gives marketing mail its one-click unsubscribe URL, and transactional mail none', () => {
    const marketing = tracking.prepareEmail({ ...message, html, transactional: false });
    const prefix = `https://marea.shop.example${TRACKING_PATHS.unsubscribe('')}`;
    expect(marketing.unsubscribeUrl?.startsWith(prefix)).toBe(true);
    const token = marketing.unsubscribeUrl?.slice(prefix.length) ?? '';
    expect(tokens.verify(token)).toEqual({ purpose: 'unsubscribe', ...message });
    expect(tracking.prepareEmail({ ...message, html, transactional: true }).unsubscribeUrl).toBeUndefined();
  });

  it('keeps an unsubscribe link the template already carries pointing at the unsubscribe page', () => {
    const { unsubscribeUrl } = tracking.prepareEmail({ ...message, html: '<p>x</p>', transactional: false });
    const { html: tracked } = tracking.prepareEmail({ ...message, html: `<a href="${unsubscribeUrl}">Unsubscribe</a>`, transactional: false });
    expect(tracked).toContain(`href="${unsubscribeUrl}"`);
  });

  it('tracks a fragment without html or body elements too', () => {
    const { html: tracked } = tracking.prepareEmail({ ...message, html: '<a href="https://shop.example/">Shop</a>', transactional: true });
    expect(clickDestinations(tracked)).toEqual(['https://shop.example/']);
    expect(tracked).toMatch(/<\/a><img src="https:\/\/marea\.shop\.example\/api\/t\/o\//);
  });
});
