import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The hash of `this.media='all'`, the one inline handler of the built index.html: Angular's
 * critical-CSS inlining loads the stylesheet with it. Allowing exactly this hash keeps every
 * other inline script (an injected one included) blocked.
 */
const CRITICAL_CSS_ONLOAD = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * helmet's headers with a Content Security Policy the Angular app runs under: scripts only from
 * Marea's origin, no plugins, no framing (clickjacking), no form posts elsewhere. Styles may be
 * inline because Angular injects component styles as <style> elements.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", CRITICAL_CSS_ONLOAD],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API and the app are on one origin; nothing needs to embed their resources elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Not forced here: a local install is plain HTTP; a TLS proxy in front sets HSTS.
    strictTransportSecurity: false,
  });
}
