export * from './search-query';
export * from './live-visit';
export * from './timeline-cursor';
export * from './customer-edit-changes';
export * from './customer-edit-checks';
export * from './customer-merge-plan';
