import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

export const SESSION_COOKIE = 'marea_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * httpOnly: scripts (an injected one included) cannot read the session. SameSite=Strict: the
 * browser never sends it with a request started by another site. Secure over HTTPS, or always
 * with SECURE_COOKIES=on behind a proxy that terminates TLS.
 */
function options(config: AppConfig, request: Request, maxAgeMs?: number): CookieOptions {
  const secure = config.SECURE_COOKIES === 'on' || (config.SECURE_COOKIES === 'auto' && request.secure);
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) };
}

export function setSessionCookie(config: AppConfig, request: Request, response: Response, token: string, expiresAt: Date): void {
  response.cookie(SESSION_COOKIE, token, options(config, request, Math.max(0, expiresAt.getTime() - Date.now())));
}

export function clearSessionCookie(config: AppConfig, request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, options(config, request));
}

export function sessionToken(request: Request): string | null {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof token === 'string' && token.length > 0 && token.length < 100 ? token : null;
}
