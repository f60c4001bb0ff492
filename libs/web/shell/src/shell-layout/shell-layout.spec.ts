import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { inNavigation } from '../navigation/nav-entry';
import { SHELL_SESSION, type ShellSession } from '../shell-session/shell-session';
import { ShellLayout } from './shell-layout';

@Component({ template: '<h1>Overview screen</h1>' })
class OverviewStub {}
@Component({ template: '<h1>Import screen</h1>' })
class ImportStub {}

describe('ShellLayout', () => {
  async function render(url: string, session?: ShellSession) {
    TestBed.configureTestingModule({
      providers: [
        ...(session ? [{ provide: SHELL_SESSION, useValue: session }] : []),
        provideRouter([
          {
            path: '',
            component: ShellLayout,
            children: [
              { path: 'overview', component: OverviewStub, data: inNavigation({ label: 'Overview', icon: 'overview' }) },
              { path: 'imports', component: ImportStub, data: inNavigation({ label: 'Data import', icon: 'import' }) },
              { path: 'hidden', component: ImportStub },
              { path: 'settings', component: ImportStub, data: inNavigation({ label: 'Settings', icon: 'settings', roles: ['admin'] }) },
            ],
          },
        ]),
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    return { root: harness.fixture.nativeElement as HTMLElement, harness };
  }

  it('lists the screens that exist, marks the current one, and links the API docs', async () => {
    const { root } = await render('/imports');
    const links = [...root.querySelectorAll('nav a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual(['Overview', 'Data import']);
    expect(root.querySelector('nav a[aria-current="page"]')?.textContent).toContain('Data import');
    expect(root.querySelector('a[href="/api/docs"]')?.textContent).toContain('API docs');
    expect(root.querySelector('main h1')?.textContent).toBe('Import screen');
  });

  it('navigates when a navigation entry is followed', async () => {
    const { root, harness } = await render('/imports');
    (root.querySelector('nav a[href="/overview"]') as HTMLAnchorElement).click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/overview');
    expect(root.querySelector('main h1')?.textContent).toBe('Overview screen');
    expect(document.activeElement).toBe(root.querySelector('main'));
  });

  it('shows who is signed in and their role, and only the screens that role may open', async () => {
    const session: ShellSession = { user: signal({ name: 'Mia', email: 'mia@shop.example', role: 'marketer' }), signOut: async () => undefined };
    const { root } = await render('/overview', session);
    expect(root.querySelector('[data-user-menu]')?.textContent).toContain('mia@shop.example');
    expect(root.querySelector('[data-user-role]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Role: Marketer');
    expect([...root.querySelectorAll('nav a')].map((link) => link.textContent?.trim())).toEqual(['Overview', 'Data import']);
  });
});
