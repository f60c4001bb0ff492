import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { csrfInterceptor } from './csrf-interceptor';
import { SessionStore } from './session-store';

describe('the session in the web app', () => {
  let http: HttpClient;
  let server: HttpTestingController;
  let session: SessionStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    server = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    const signingIn = session.signIn('rosa@shop.example', 'a long enough secret');
    server.expectOne({ method: 'POST', url: '/api/v1/session' }).flush({
      user: { id: '1', email: 'rosa@shop.example', name: 'Rosa', role: 'admin' },
      csrfToken: 'token-of-the-session',
    });
    await signingIn;
  });

  it('sends the CSRF token with changes to the API, and never with reads or to other sites', () => {
    http.post('/api/v1/users', {}).subscribe();
    http.get('/api/v1/users').subscribe();
    http.post('https://elsewhere.example/hook', {}).subscribe();
    expect(server.expectOne({ method: 'POST', url: '/api/v1/users' }).request.headers.get('X-CSRF-Token')).toBe('token-of-the-session');
    expect(server.expectOne({ method: 'GET', url: '/api/v1/users' }).request.headers.has('X-CSRF-Token')).toBe(false);
    expect(server.expectOne('https://elsewhere.example/hook').request.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('forgets an ended session and asks for a sign-in when the server refuses it', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const request = firstValueFrom(http.get('/api/v1/overview'));
    server.expectOne('/api/v1/overview').flush({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toBeTruthy();
    expect(session.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/' } });
  });
});
