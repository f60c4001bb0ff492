import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { distinctUntilChanged, filter, map, skip } from 'rxjs';
import { BrandMark } from '../brand-mark/brand-mark';
import { LanguagePicker } from '../language-picker/language-picker';
import { navEntriesOf } from '../navigation/nav-entry';
import { NavIcon } from '../navigation/nav-icon';
import { roleLabel } from '../shell-session/role-label';
import { SHELL_SESSION } from '../shell-session/shell-session';

/**
 * The frame around every screen: brand, main navigation, a link to the API docs, and the
 * outlet. The navigation lists the child routes of the route this layout is mounted on.
 */
@Component({
  selector: 'marea-shell-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, BrandMark, NavIcon, LanguagePicker],
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellLayout {
  private readonly session = inject(SHELL_SESSION, { optional: true });
  private readonly router = inject(Router);
  protected readonly user = computed(() => this.session?.user() ?? null);
  protected readonly roleLabel = roleLabel;
  private readonly allEntries = navEntriesOf(inject(ActivatedRoute).routeConfig?.children);
  /** Screens of other roles stay out of the menu (their routes refuse them too). */
  protected readonly entries = computed(() => {
    const role = this.user()?.role;
    return this.allEntries.filter((entry) => !entry.roles || (role !== undefined && entry.roles.includes(role)));
  });
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After following a link, keyboard and screen-reader users land on the new screen rather than
    // staying in the menu (a page load would have done that for them).
    // Only a new screen moves focus: a changed query (e.g. the import on display) does not.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        distinctUntilChanged(),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.main().nativeElement.focus({ preventScroll: true }));
  }

  protected async signOut(): Promise<void> {
    await this.session?.signOut();
    await this.router.navigateByUrl('/sign-in');
  }

  /** The skip link moves focus itself: a bare #main would reload the page under <base href>. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
