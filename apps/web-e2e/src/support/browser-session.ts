import type { Browser, Page } from 'playwright-core';

export interface ApiAnswer {
  readonly status: number;
  // The tests read answers field by field, as an integrator's code would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Calls `/api/v1/<route>` of a running Marea with a session's headers, as an integrator would. */
export function apiOf(url: string, headers: Record<string, string>): (method: string, route: string, body?: unknown) => Promise<ApiAnswer> {
  return async (method, route, body) => {
    const response = await fetch(`${url}/api/v1/${route}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
}

/**
 * A new page of the app at 1280 px, signed in through the sign-in screen as `who`; every error
 * the page throws is collected in `errors` (each test expects none).
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  who: { readonly email: string; readonly password: string },
  errors: string[],
  viewport = { width: 1280, height: 1000 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/overview');
  return page;
}
