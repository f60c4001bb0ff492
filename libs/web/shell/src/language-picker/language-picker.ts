import { ChangeDetectionStrategy, Component, DOCUMENT, LOCALE_ID, inject } from '@angular/core';
import { Router } from '@angular/router';

/** The languages Marea is built in; each but English is served under its own path (docs/i18n.md). */
const LANGUAGES = [
  { locale: 'en', name: 'English', root: '' },
  { locale: 'es', name: 'Español', root: '/es' },
  { locale: 'pl', name: 'Polski', root: '/pl' },
  { locale: 'pt', name: 'Português', root: '/pt' },
] as const;

/** Read by the server: `/` leads to the language chosen here. */
const LOCALE_COOKIE = 'marea_locale';
const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * Chooses the language of the app. Each language is a build of its own, so choosing one loads the
 * same screen from that build, and remembers the choice in a cookie for the next visit to `/`.
 * Languages are named in their own language: a reader who cannot read the current one finds theirs.
 */
@Component({
  selector: 'marea-language-picker',
  template: `
    <label class="language">
      <span i18n="@@shell.language">Language</span>
      <select #picker (change)="choose(picker.value)">
        @for (language of languages; track language.locale) {
          <option [value]="language.locale" [attr.lang]="language.locale" [selected]="language.locale === current">
            {{ language.name }}
          </option>
        }
      </select>
    </label>
  `,
  styles: `
    .language {
      display: grid;
      gap: 2px;
      padding: 0 var(--space-3);
      font-size: var(--text-sm);
      color: var(--nav-text);
    }
    select {
      font: inherit;
      color: #fff;
      background: var(--nav-hover);
      border: 1px solid var(--nav-active);
      border-radius: var(--radius-sm);
      padding: var(--space-1) var(--space-2);
    }
    select:focus-visible {
      outline: 2px solid var(--accent-bright);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguagePicker {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly languages = LANGUAGES;
  /** The build's own locale; a build that is not localized (development) is English. */
  protected readonly current = LANGUAGES.find((language) => language.locale === inject(LOCALE_ID))?.locale ?? 'en';

  protected choose(locale: string): void {
    const language = LANGUAGES.find((candidate) => candidate.locale === locale);
    if (!language || language.locale === this.current) return;
    this.document.cookie = `${LOCALE_COOKIE}=${language.locale}; path=/; max-age=${ONE_YEAR_IN_SECONDS}; samesite=lax`;
    // The router's URL is the screen without the current language's path: the same screen there.
    this.document.location.assign(`${language.root}${this.router.url}`);
  }
}
