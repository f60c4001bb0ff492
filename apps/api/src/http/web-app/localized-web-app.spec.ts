import { useTestDatabase } from '@marea/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';

/**
 * The serving rules on a build laid out as `ng build` lays out a localized app: English at the
 * root, each locale in its folder. The real build is checked by apps/web-e2e/src/languages.spec.ts.
 */
function writeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'marea-web-'));
  const page = (lang: string, base: string) => `<!doctype html><html lang="${lang}"><head><base href="${base}"></head></html>`;
  writeFileSync(join(dist, 'index.html'), page('en', '/'));
  writeFileSync(join(dist, 'main-EN.js'), 'console.log("en")');
  for (const locale of ['es', 'pl']) {
    mkdirSync(join(dist, locale));
    writeFileSync(join(dist, locale, 'index.html'), page(locale, `/${locale}/`));
    writeFileSync(join(dist, locale, `main-${locale.toUpperCase()}.js`), `console.log("${locale}")`);
  }
  // A folder that is not a locale (no index.html) is served as files, never as an app.
  mkdirSync(join(dist, 'media'));
  writeFileSync(join(dist, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

describe('the web app served in every language it was built in', () => {
  const db = useTestDatabase();
  const dist = writeBuild();
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi(db(), { WEB_DIST: dist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  const langOf = async (response: Response) => /<html lang="([^"]+)"/.exec(await response.text())?.[1];

  it("answers a deep link with its language's index.html, and English at the root", async () => {
    const spanish = await get('/es/customers/42');
    expect(spanish.status).toBe(200);
    expect(spanish.headers.get('content-type')).toContain('text/html');
    expect(await langOf(spanish)).toBe('es');
    expect(await langOf(await get('/pl/segments/new?from=list'))).toBe('pl');
    expect(await langOf(await get('/customers/42'))).toBe('en');
    expect(await langOf(await get('/'))).toBe('en');
    // A language that was not built is an English deep link, not a Portuguese page.
    expect(await langOf(await get('/pt/customers'))).toBe('en');
  });

  it("serves each language's own files, and a missing file as a 404, not as a page", async () => {
    const script = await get('/es/main-ES.js', { accept: '*/*' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toBe('console.log("es")');
    expect((await get('/main-EN.js', { accept: '*/*' })).status).toBe(200);
    expect((await get('/media/logo.svg', { accept: '*/*' })).status).toBe(200);

    const stale = await get('/es/chunk-OLDBUILD.js', { accept: '*/*' });
    expect(stale.status).toBe(404);
    expect((await stale.json()).error.code).toBe('NOT_FOUND');
  });

  it('adds the slash to a bare language root, keeping the query', async () => {
    const answer = await get('/es?next=segments');
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/es/?next=segments');
    expect(await langOf(await get('/es/'))).toBe('es');
  });

  it('sends / to the language chosen in the app (the marea_locale cookie), once', async () => {
    const chosen = await get('/', { cookie: 'marea_locale=pl' });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get('location')).toBe('/pl/');
    expect(chosen.headers.get('vary')).toContain('Cookie');
    // The target answers the page itself: no second redirect.
    expect((await get('/pl/', { cookie: 'marea_locale=pl' })).status).toBe(200);

    for (const cookie of ['marea_locale=en', 'marea_locale=pt', 'marea_locale=..%2Fapi', 'other=es']) {
      const root = await get('/', { cookie });
      expect({ cookie, status: root.status }).toEqual({ cookie, status: 200 });
      expect(await langOf(root)).toBe('en');
    }
    // Only the root follows the cookie: a link to an English screen stays English.
    expect(await langOf(await get('/customers', { cookie: 'marea_locale=pl' }))).toBe('en');
  });

  it('leaves the API alone: its routes answer, and an unknown one is a JSON 404', async () => {
    expect((await api.send('GET', '/api/health')).status).toBe(200);
    const unknown = await get('/api/v1/no-such-route', { accept: 'text/html', cookie: 'marea_locale=es' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('NOT_FOUND');
    expect((await get('/api', { accept: 'text/html' })).status).toBe(404);
  });
});
