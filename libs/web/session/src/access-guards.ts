import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';
import type { Role } from '@marea/contracts';
import { SessionStore } from './session-store';

/**
 * Screens behind sign-in. A visitor who is not signed in lands on the sign-in page (and comes
 * back here after it), or on the setup page while the installation has no admin yet.
 */
export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (await session.load()) return true;
  if (await session.needsFirstAdmin()) return router.parseUrl('/setup');
  return router.createUrlTree(['/sign-in'], { queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {} });
};

/** Screens for some roles only (the server refuses the others anyway); others go to the start. */
export function withRole(...roles: Role[]): CanActivateFn {
  return async () => {
    const session = await inject(SessionStore).load();
    return (session && roles.includes(session.user.role)) || inject(Router).parseUrl('/');
  };
}

/** The sign-in and setup screens are for visitors: someone signed in goes to the start. */
export const signedOut: CanActivateFn = async () => ((await inject(SessionStore).load()) ? inject(Router).parseUrl('/') : true);
