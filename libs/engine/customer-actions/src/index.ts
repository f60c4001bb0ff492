export * from './manager-tasks';
export * from './customer-attribute-updates';
export * from './user-notifications';
