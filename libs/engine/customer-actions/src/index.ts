export * from './manager-tasks';
export * from './customer-attribute-updates';
export * from './user-notifications';
export * from './customer-action-rejected';
export * from './attribute-edit-plan';
