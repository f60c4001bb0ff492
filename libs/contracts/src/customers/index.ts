export * from './customer-metrics';
