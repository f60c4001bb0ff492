export * from './role';
export * from './session';
export * from './user';
export * from './api-key';
export * from './audit-entry';
export * from './password-reset';
