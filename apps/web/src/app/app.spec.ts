import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { SessionStore, csrfInterceptor } from '@marea/web/session';
import { SHELL_SESSION } from '@marea/web/shell';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from './app.routes';

describe('Marea app routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([csrfInterceptor])),
        provideHttpClientTesting(),
        { provide: SHELL_SESSION, useExisting: SessionStore },
      ],
    });
  });

  /** Navigates while the server answers who is signed in (null: nobody, and Marea has an admin). */
  async function open(url: string, role: string | null) {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    const http = TestBed.inject(HttpTestingController);
    await new Promise((resolve) => setTimeout(resolve));
    if (role) {
      http.expectOne('/api/v1/session').flush({ user: { id: '1', email: 'rosa@shop.example', name: 'Rosa', role }, csrfToken: 't' });
    } else {
      http.expectOne('/api/v1/session').flush({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, { status: 401, statusText: 'Unauthorized' });
      await new Promise((resolve) => setTimeout(resolve));
      http.expectOne('/api/v1/setup').flush({ needsFirstAdmin: false });
    }
    await navigation;
    return { harness, page: harness.fixture.nativeElement as HTMLElement, http };
  }

  it('opens on the overview inside the shell, with the brand, the navigation of an admin and the user menu', async () => {
    const { page, http } = await open('/', 'admin');
    expect(page.querySelector('marea-brand-mark')?.textContent).toContain('Marea');
    expect([...page.querySelectorAll('nav a')].map((link) => link.textContent?.trim())).toEqual(['Overview', 'Customers', 'Segments', 'Automations', 'Analyses', 'Tasks', 'Messages', 'Data import', 'Settings']);
    expect(page.querySelector('[data-user-menu]')?.textContent).toContain('rosa@shop.example');
    expect(page.querySelector('h1')?.textContent).toBe('Overview');
    http.expectOne('/api/v1/overview');
  });

  it('shows a manager only the screens of their role', async () => {
    const { page } = await open('/', 'manager');
    expect([...page.querySelectorAll('nav a')].map((link) => link.textContent?.trim())).toEqual(['Overview', 'Customers', 'Tasks', 'Settings']);
  });

  it('sends a visitor who is not signed in to the sign-in page, to come back afterwards', async () => {
    const { harness } = await open('/imports', null);
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fimports');
    expect((harness.fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Sign in');
  });

  it('answers an unknown address with a page, not a blank screen', async () => {
    const { page } = await open('/no-such-screen', 'marketer');
    expect(page.querySelector('h1')?.textContent).toBe('Page not found');
  });
});
