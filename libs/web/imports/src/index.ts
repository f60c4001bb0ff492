export * from './imports-page/imports-page';
