import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyState, PageHeader } from '@marea/web/ui';

/** An address the app does not know, e.g. an old bookmark. */
@Component({
  selector: 'marea-not-found-page',
  imports: [EmptyState, PageHeader, RouterLink],
  template: `
    <marea-page-header heading="Page not found" i18n-heading="@@notFound.heading" />
    <marea-empty-state title="There is nothing at this address." i18n-title="@@notFound.title">
      <a routerLink="/" i18n="@@notFound.home">Go to the overview</a>
    </marea-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
