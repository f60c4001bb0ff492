export * from './search-customers';
export * from './read-customer-profile';
export * from './edit-customer';
export * from './read-customer-timeline';
export * from './customer-activity-channel';
export * from './customer-activity-listener';
export * from './visible-customer';
export * from './merge-customers';
