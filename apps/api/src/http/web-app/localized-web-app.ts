import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The cookie the web app's language picker sets to the locale the user chose. */
export const LOCALE_COOKIE = 'marea_locale';

/** A locale folder of the build is named by its sub-path: `es`, `pl`, `pt` (or `pt-BR`). */
const LOCALE_FOLDER = /^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/;

/**
 * The locales built beside the English app: the folders of the build that hold an index.html.
 * Read from disk so that a locale added to the build is served without a code change.
 */
export function builtLocales(webDist: string): string[] {
  return readdirSync(webDist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LOCALE_FOLDER.test(entry.name))
    .filter((entry) => existsSync(join(webDist, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * A page load is a GET for HTML, or for a path with no file extension (a deep link such as
 * `/es/customers/42`). Anything else that is missing, e.g. a chunk of an older build asked for by
 * a tab left open across a deploy, is a 404 rather than an index.html the browser cannot run.
 */
function isPageLoad(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const lastSegment = request.path.slice(request.path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.') || (request.headers.accept ?? '').includes('text/html');
}

/** Answers a page load with an app's index.html, so the app's own router shows the screen. */
function spaFallback(indexHtml: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!isPageLoad(request)) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(indexHtml);
  };
}

/** `/es` becomes `/es/`: under the app's `<base href="/es/">` its relative asset URLs would miss. */
function withTrailingSlash(root: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const [path] = request.originalUrl.split('?');
    if (path !== root) return next();
    response.redirect(301, `${root}/${request.originalUrl.slice(root.length)}`);
  };
}

/**
 * Serves the built web app in every language it was built in (docs/i18n.md): English at the root,
 * each other locale under its sub-path (`/es/…`, `/pl/…`, `/pt/…`) with its own index.html as
 * the fallback of its deep links. `/` sends a user who chose a language in the app (the
 * `marea_locale` cookie) to that language's root. API routes are never touched.
 */
export function localizedWebApp(webDist: string): Router {
  const locales = builtLocales(webDist);
  const app = Router();
  app.use((request, _response, next) => (isApiPath(request.path) ? next('router') : next()));

  app.get('/', (request, response, next) => {
    const chosen: unknown = request.cookies?.[LOCALE_COOKIE];
    // The answer depends on the cookie: no cache may hand one user's redirect to another.
    response.setHeader('vary', 'Cookie');
    if (typeof chosen === 'string' && locales.includes(chosen)) return response.redirect(302, `/${chosen}/`);
    next();
  });

  for (const locale of locales) {
    const folder = join(webDist, locale);
    app.use(
      `/${locale}`,
      withTrailingSlash(`/${locale}`),
      express.static(folder, { index: false, redirect: false }),
      spaFallback(join(folder, 'index.html')),
    );
  }
  app.use(express.static(webDist, { index: false, redirect: false }), spaFallback(join(webDist, 'index.html')));
  return app;
}
