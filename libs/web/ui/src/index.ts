export * from './api-error/api-error-message';
export * from './load-states/loading-state';
export * from './load-states/error-state';
export * from './load-states/empty-state';
export * from './page-header/page-header';
export * from './stat-card/stat-card';
