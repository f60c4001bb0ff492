export * from './settings-layout/settings-layout';
export * from './settings-home/settings-home';
export * from './audit-log-page/audit-log-page';
