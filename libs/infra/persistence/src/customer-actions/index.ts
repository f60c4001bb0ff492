export * from './pg-customer-attribute-updates';
export * from './pg-user-notifications';
