export * from './pg-automation-store';
export * from './customer-snapshot-row';
