export * from './secret-digest';
export * from './password-hasher';
export * from './pg-user-store';
export * from './pg-session-store';
export * from './pg-api-key-store';
export * from './pg-audit-log';
export * from './customer-visibility-sql';
