export * from './pg-notifications';
