import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from './app.routes';

describe('Marea app routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('opens on the overview inside the shell, with the brand and the navigation', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('marea-brand-mark')?.textContent).toContain('Marea');
    expect([...page.querySelectorAll('nav a')].map((link) => link.textContent?.trim())).toEqual(['Overview', 'Data import']);
    expect(page.querySelector('h1')?.textContent).toBe('Overview');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/overview');
  });

  it('answers an unknown address with a page, not a blank screen', async () => {
    const harness = await RouterTestingHarness.create('/no-such-screen');
    expect((harness.fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Page not found');
  });
});
