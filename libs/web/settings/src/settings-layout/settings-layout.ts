import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@marea/web/session';
import { sectionsFor } from './settings-sections';

/**
 * Settings: a secondary navigation over the account, users, API keys and the audit log, and the
 * chosen page below it. Each page keeps its own heading; the navigation only says where one is.
 */
@Component({
  selector: 'marea-settings-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  template: `
    <nav class="settings-nav" aria-label="Settings" i18n-aria-label="@@settings.nav">
      <span class="settings-nav__title" i18n="@@settings.title">Settings</span>
      <ul>
        @for (section of sections(); track section.path) {
          <li>
            <a [routerLink]="section.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ section.label }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    :host { display: block; }
    .settings-nav { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3); margin-bottom: var(--space-5); border-bottom: 1px solid var(--border); }
    .settings-nav__title { font-size: var(--text-sm); color: var(--text-muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
    ul { display: flex; flex-wrap: wrap; gap: var(--space-1); margin: 0; padding: 0; list-style: none; }
    a { display: block; padding: var(--space-2) var(--space-3); color: var(--text-muted); text-decoration: none; border-bottom: 2px solid transparent; margin-bottom: -1px; }
    a:hover { color: inherit; }
    a.active { color: inherit; font-weight: 600; border-bottom-color: var(--accent, currentColor); }
    a:focus-visible { outline: 2px solid var(--focus, currentColor); outline-offset: 2px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsLayout {
  private readonly user = inject(SessionStore).user;
  protected readonly sections = computed(() => sectionsFor(this.user()?.role));
}
