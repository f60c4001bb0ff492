export * from './outbox-message';
