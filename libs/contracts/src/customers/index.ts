export * from './customer-metrics';
export * from './customer-search';
export * from './customer-profile';
export * from './customer-edit';
export * from './customer-timeline';
export * from './customer-merge';
export * from './attribute-operations';
export * from './customer-data-export';
