export * from './pg-automation-store';
export * from './customer-snapshot-row';
export * from './pg-automation-catalogue';
