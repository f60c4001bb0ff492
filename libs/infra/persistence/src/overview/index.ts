export * from './read-overview';
