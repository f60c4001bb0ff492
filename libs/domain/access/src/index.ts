export * from './principal';
export * from './access-rule';
export * from './permits';
export * from './customer-visibility';
export * from './api-key-secret';
export * from './audit-action';
