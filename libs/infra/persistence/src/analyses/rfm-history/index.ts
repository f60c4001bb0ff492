export * from './record-rfm-history';
export * from './read-rfm-transitions';
export * from './read-customer-rfm-history';
