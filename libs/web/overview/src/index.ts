export * from './overview-page/overview-page';
