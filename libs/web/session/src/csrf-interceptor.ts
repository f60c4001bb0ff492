import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from './session-store';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Sends the session's CSRF token with every request to Marea's API that changes something (the
 * server refuses such a request without it), and sends the user to sign in when the server says
 * the session is gone — expired, or the user was deactivated.
 */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const ours = request.url.startsWith('/api/');
  const token = session.csrfToken();
  const sent = ours && token && !SAFE_METHODS.includes(request.method) ? request.clone({ setHeaders: { 'X-CSRF-Token': token } }) : request;
  return next(sent).pipe(
    catchError((error: unknown) => {
      const sessionEnded = error instanceof HttpErrorResponse && error.status === 401 && ours && session.user() !== null;
      if (sessionEnded) {
        session.forget();
        void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
