import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { SessionStore, csrfInterceptor } from '@marea/web/session';
import { PageTitleStrategy, SHELL_SESSION } from '@marea/web/shell';
import { appRoutes } from './app.routes';

// LOCALE_ID is not provided here: each localized build sets it to its own locale, so numbers,
// money and dates follow the language the user opened.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([csrfInterceptor])),
    { provide: SHELL_SESSION, useExisting: SessionStore },
    { provide: TitleStrategy, useClass: PageTitleStrategy },
  ],
};
