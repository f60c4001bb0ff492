import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ForgotPasswordPage } from '../forgot-password-page/forgot-password-page';
import { PasswordResetPage } from './password-reset-page';

function element<T extends HTMLElement>(screen: HTMLElement, selector: string): T {
  const found = screen.querySelector<T>(selector);
  if (!found) throw new Error(`nothing on the screen matches ${selector}`);
  return found;
}

function type(screen: HTMLElement, selector: string, value: string) {
  const input = element<HTMLInputElement>(screen, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const submit = (screen: HTMLElement) => element<HTMLButtonElement>(screen, 'button[type=submit]').click();

describe('getting back in after forgetting a password', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for a link by email and says the same whatever the answer could reveal', async () => {
    const fixture = TestBed.createComponent(ForgotPasswordPage);
    await fixture.whenStable();
    const screen: HTMLElement = fixture.nativeElement;
    type(screen, '#forgot-email', 'mia@shop.example');
    submit(screen);

    const request = http.expectOne('/api/v1/session/password-reset');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'mia@shop.example' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(screen.querySelector('[data-reset-requested]')?.textContent).toContain('If a Marea account uses mia@shop.example');
    expect(screen.querySelector('#forgot-email')).toBeNull();
  });

  it('sets the new password with the token of the link, then sends the person to sign in', async () => {
    const fixture = TestBed.createComponent(PasswordResetPage);
    fixture.componentRef.setInput('token', 'the-token');
    await fixture.whenStable();
    const screen: HTMLElement = fixture.nativeElement;

    type(screen, '#reset-password', 'short');
    submit(screen);
    await fixture.whenStable();
    expect(screen.querySelector('[role=alert]')?.textContent).toContain('at least 12 characters');

    type(screen, '#reset-password', 'a brand new secret');
    submit(screen);
    const request = http.expectOne('/api/v1/session/password-reset/complete');
    expect(request.request.body).toEqual({ token: 'the-token', password: 'a brand new secret' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(screen.querySelector('[data-password-changed]')).not.toBeNull();
    expect(screen.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('says what to do when the link was used or has expired', async () => {
    const fixture = TestBed.createComponent(PasswordResetPage);
    fixture.componentRef.setInput('token', 'used-token');
    await fixture.whenStable();
    const screen: HTMLElement = fixture.nativeElement;
    type(screen, '#reset-password', 'a brand new secret');
    submit(screen);
    http.expectOne('/api/v1/session/password-reset/complete').flush(
      { error: { code: 'RESET_LINK_INVALID', message: 'This reset link was already used or has expired; ask for a new one.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = screen.querySelector('[role=alert]')?.textContent ?? '';
    expect(alert).toContain('already used or has expired');
    expect(screen.querySelector('a[href="/forgot-password"]')).not.toBeNull();
  });
});
