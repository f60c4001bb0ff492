export * from './read-customer-metrics';
export * from './refresh-whole-base';
export * from './refresh-customer-metrics';
export * from './metrics-maintaining-transaction';
