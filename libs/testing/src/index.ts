export * from './database/test-database';
export * from './process/marea-process';
export * from './messaging';
