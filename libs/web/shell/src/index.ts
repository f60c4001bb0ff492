export * from './shell-layout/shell-layout';
export * from './navigation/nav-entry';
export type { NavIconName } from './navigation/nav-icon';
export * from './page-title/page-title-strategy';
export * from './not-found-page/not-found-page';
export * from './shell-session/shell-session';
