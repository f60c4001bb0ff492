import type { Route, Routes } from '@angular/router';
import type { NavIconName } from './nav-icon';

/** How a screen appears in the main navigation. */
export interface NavEntry {
  readonly path: string;
  readonly label: string;
  readonly icon: NavIconName;
  /** The roles that may open the screen; everyone when absent. */
  readonly roles?: readonly string[];
}

interface NavData {
  readonly label: string;
  readonly icon: NavIconName;
  readonly roles?: readonly string[];
}

const NAV = 'nav';

/**
 * Route data that puts a screen in the navigation. The menu is read from the routes, so a
 * screen appears in it the day its route is added, and never before.
 */
export function inNavigation(nav: NavData): Route['data'] {
  return { [NAV]: nav };
}

/** The navigation entries of the child routes of the shell, in route order. */
export function navEntriesOf(routes: Routes | undefined): NavEntry[] {
  return (routes ?? []).flatMap((route) => {
    const nav = route.data?.[NAV] as NavData | undefined;
    return nav && route.path !== undefined ? [{ path: route.path, ...nav }] : [];
  });
}
