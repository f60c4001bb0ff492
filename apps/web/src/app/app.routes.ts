import { Route } from '@angular/router';
import { NotFoundPage, ShellLayout, inNavigation } from '@marea/web/shell';

/**
 * Every screen of Marea. A child of the shell with `inNavigation(…)` data appears in the main
 * navigation, in this order; features are loaded when first visited.
 */
export const appRoutes: Route[] = [
  {
    path: '',
    component: ShellLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      {
        path: 'overview',
        title: $localize`:@@nav.overview:Overview`,
        loadComponent: () => import('@marea/web/overview').then((feature) => feature.OverviewPage),
        data: inNavigation({ label: $localize`:@@nav.overview:Overview`, icon: 'overview' }),
      },
      {
        path: 'imports',
        title: $localize`:@@nav.imports:Data import`,
        loadComponent: () => import('@marea/web/imports').then((feature) => feature.ImportsPage),
        data: inNavigation({ label: $localize`:@@nav.imports:Data import`, icon: 'import' }),
      },
      { path: '**', title: $localize`:@@nav.notFound:Page not found`, component: NotFoundPage },
    ],
  },
];
